# Generator and closure introspection: gi_running, gi_suspended, __qualname__,
# __closure__ cells and cell_contents (empty cell ValueError).
def gen():
    yield g.gi_running
    yield 2
g = gen()
print(g.gi_running, g.gi_suspended, next(g), g.gi_suspended, g.__name__, g.__qualname__)
list(g)
print(g.gi_running, g.gi_suspended)
def outer():
    x = 5
    def inner(): return x
    return inner
f = outer()
print(f.__closure__[0].cell_contents, len(f.__closure__), outer.__closure__)
def late():
    def inner(): return y
    c = inner.__closure__[0]
    try:
        c.cell_contents
    except ValueError as e:
        print('ValueError', e)
    y = 1
    return c.cell_contents
print(late())
class K:
    def m(self):
        def g():
            yield 1
        return g()
print(K().m().__qualname__)
