# CPython's messages for bad * and ** arguments in calls.
def f(*args, **kwargs):
    return args, kwargs
class C:
    def m(self, *a, **k):
        return a, k
    def __init__(self, *a, **k):
        pass
class Mapping:
    def keys(self):
        return ["a", "b"]
    def __getitem__(self, k):
        return k * 2
g = lambda **k: k
cases = [
    lambda: f(*1),
    lambda: print(*None),
    lambda: f(**[1]),
    lambda: f(**{1: 2}),
    lambda: f(a=1, **{"a": 2}),
    lambda: f(**{"a": 1}, a=2),
    lambda: f(**{"a": 1}, **{"a": 2}),
    lambda: C().m(**{"x": 1}, **{"x": 2}),
    lambda: C(**{"x": 1}, **{"x": 2}),
    lambda: C().m(*5),
    lambda: g(**{"a": 1}, **{"a": 2}),
    lambda: print(**{"sep": 1}, **{"sep": 2}),
    lambda: len(*3),
    lambda: f(**Mapping(), b=1),
]
for c in cases:
    try:
        print(c())
    except TypeError as e:
        print("TypeError:", e)
print(f(**Mapping()), f(*"ab", **Mapping()), f(1, *[2], 3, *(4,), x=5, **{"y": 6}, z=7))
print(g(**{"a": 1}, b=2, **{"c": 3}), f(**{}), f(*[], **{}))
f(**{"k": 1}, k=2)
