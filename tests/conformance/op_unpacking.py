# Star unpacking in assignments, literals and calls.
a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
*h, t = "xyz"
print(h, t)
first, *rest = range(4)
print(first, rest)
a, *b, c = [1, 2]
print(a, b, c)
(a, b), *c = [(1, 2), 3, 4]
print(a, b, c)
[x, [y, *z]] = [1, [2, 3, 4]]
print(x, y, z)
for p, *q in [(1, 2, 3), (4,)]:
    print(p, q)
l1 = [1, 2]
l2 = (3, 4)
print([*l1, *l2], (*l1, *l2), {*l1, *l2}, [*"ab", *range(2)], [0, *l1, 9], (*l1,))
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
print({**d1, **d2}, {**d2, **d1}, {"z": 0, **d1, "a": 100}, {**{}})
def f(*args, **kwargs):
    return args, kwargs
print(f(*l1), f(*l1, *l2), f(0, *l1, 5), f(**d1), f(*l1, **d1, e=5), f(*[], **{}))
def g(a, b, c=3, *rest, d, **kw):
    return (a, b, c, rest, d, kw)
print(g(*[1, 2], d=4), g(1, *[2, 3, 4, 5], d=6, z=7), g(**{"a": 1, "b": 2, "d": 3}))
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
print(*[1, 2, 3])
print(*"abc", sep="-")
print(*[], "only")
a = b = c = 7
print(a, b, c)
a, b = b, a = 1, 2
print(a, b)
x, y = y, x = 5, 6
print(x, y)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
