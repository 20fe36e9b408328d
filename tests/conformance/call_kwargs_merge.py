# ** merging in calls: mappings, order, keyword-only parameters.
def f(a, b=2, *args, c=3, **kw):
    return a, b, args, c, kw
class Keys:
    def __init__(self, d):
        self.d = d
    def keys(self):
        return list(self.d)
    def __getitem__(self, k):
        return self.d[k]
print(f(**{"a": 1}), f(1, **{"c": 5}), f(**Keys({"a": 7, "z": 8})), f(1, 2, 3, **{"q": 1}, r=2))
print(f(*[1, 2], *[3], **{"c": 4}, **Keys({"x": 9})), f(a=1, **{"b": 5}, c=6, **{"d": 7}))
d = {"b": 1, "a": 2}
print(f(**d), list(f(**d, e=3)[4]), d)
print(dict(**{"x": 1}, y=2), dict({"a": 1}, **{"b": 2}), {**{"a": 1}, **{"a": 2}}, {**d, "b": 0})
def kwonly(*, x, y=0):
    return x + y
print(kwonly(**{"x": 1}), kwonly(**{"y": 2}, x=3), kwonly(**Keys({"x": 10, "y": 20})))
for bad in [lambda: kwonly(**{"x": 1}, x=2), lambda: f(**{"a": 1}, **Keys({"a": 2})), lambda: f(1, a=1), lambda: kwonly(**{"z": 1}, x=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
f(*1)
