# Closures: counter factories, late binding, cell sharing.
def make_counter(start=0):
    count = start
    def nxt():
        nonlocal count
        count += 1
        return count
    return nxt
c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c2(), c1(), c2())
def make_adders():
    return [lambda x: x + i for i in range(4)]
print([a(10) for a in make_adders()])
def make_adders_fixed():
    return [(lambda i: lambda x: x + i)(i) for i in range(4)]
print([a(10) for a in make_adders_fixed()])
funcs = []
for i in range(3):
    def show():
        return i
    funcs.append(show)
i = 99
print([fn() for fn in funcs])
def shared():
    x = 0
    def get():
        return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
g, s = shared()
print(g()); s(42); print(g())
def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle
print(outer(1)(10)(100))
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def later_binding():
    def inner():
        return value
    value = "assigned after def"
    return inner()
print(later_binding())
def accumulate():
    items = []
    return lambda x: (items.append(x), list(items))[1]
acc = accumulate()
print(acc(1), acc(2), acc(3))
x = "global"
def read_enclosing():
    x = "enclosing"
    def inner():
        return x
    x = "enclosing modified"
    return inner
print(read_enclosing()(), x)
def gen_closure():
    n = 3
    return (n * k for k in range(n))
print(list(gen_closure()))
print(make_counter.__name__, c1.__name__, c1.__qualname__ if False else "qualname-skip")
def loop_closure():
    out = []
    for j in range(3):
        out.append(lambda j=j: j * 10)
    return [f() for f in out]
print(loop_closure())
