# Positional, keyword, default, *args, **kwargs, keyword-only, positional-only.
def f(a, b, c=3, *args, d, e=5, **kw):
    return f"a={a} b={b} c={c} args={args} d={d} e={e} kw={kw}"
print(f(1, 2, d=4))
print(f(1, 2, 30, 40, 50, d=4, e=6, z=7, y=8))
print(f(b=2, a=1, d=0))
def pos_only(a, b=2, /, c=3, *, d=4):
    return (a, b, c, d)
print(pos_only(1), pos_only(1, 20, 30, d=40), pos_only(1, c=5))
def kwonly(*, x, y=0):
    return x - y
print(kwonly(x=5), kwonly(y=1, x=5))
def star(*args):
    return args
def kstar(**kwargs):
    return kwargs
print(star(), star(1), star(1, "a", None), kstar(), kstar(a=1, b=[2]))
def mixed(a, /, b, *, c):
    return a + b + c
print(mixed(1, 2, c=3), mixed(1, b=2, c=3))
def pos_kw_same(a, /, **kw):
    return a, kw
print(pos_kw_same(1, a=2))
def two(x, y):
    return 0
def zero():
    return 0
def one(x):
    return 0
errors = [
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, d=1, a=5),
    lambda: pos_only(a=1),
    lambda: kwonly(5),
    lambda: kwonly(),
    lambda: mixed(1, 2, 3),
    lambda: star(x=1),
    lambda: kstar(1),
    lambda: two(1),
    lambda: zero(1),
    lambda: one(1, 2, 3),
    lambda: pos_only(1, 2, 3, 4),
]
for e in errors:
    try:
        e()
    except TypeError as ex:
        print("TypeError:", ex)
def defaults(x, items=[]):
    items.append(x)
    return items
print(defaults(1), defaults(2), defaults(3, []), defaults(4))
def safe(x, items=None):
    if items is None:
        items = []
    items.append(x)
    return items
print(safe(1), safe(2))
counter = 10
def capture_default(v=counter):
    return v
counter = 20
print(capture_default(), f.__name__, f.__defaults__, f.__kwdefaults__, pos_only.__defaults__)
def ret_multiple():
    return 1, "two", [3]
print(ret_multiple(), type(ret_multiple()).__name__)
def noret():
    x = 1
print(noret())
def early(n):
    if n > 0:
        return "pos"
    return
print(early(1), early(-1))
def doc():
    "A docstring."
    return doc.__doc__
print(doc())
