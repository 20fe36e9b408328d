# __defaults__ and __kwdefaults__ can be replaced; calls use the new values.
def g(a, b=1, *, c=2):
    return (a, b, c)


print(g.__defaults__, g.__kwdefaults__)
g.__defaults__ = (10, 20)
g.__kwdefaults__ = {'c': 30}
print(g(), g(1), g.__defaults__, g.__kwdefaults__)
g.__defaults__ = None
g.__kwdefaults__ = None
print(g.__defaults__, g.__kwdefaults__)
for args in [(), (1,)]:
    try:
        g(*args)
    except TypeError as e:
        print(e)
for attr, bad in [('__defaults__', [1]), ('__kwdefaults__', 1)]:
    try:
        setattr(g, attr, bad)
    except TypeError as e:
        print(e)
g.__defaults__ = ()
print(g.__defaults__, g(1, 2, c=3))
r = None
for i in range(3000):
    g.__defaults__ = (i,)
    g.__kwdefaults__ = {'c': -i}
    r = g(0)
print(r)


def h(x, y):
    return x - y


h.__defaults__ = (100,)
print(h(1), h(1, 2), h.__defaults__)
