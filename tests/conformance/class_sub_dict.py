# Subclassing dict: __missing__, overriding __setitem__, attributes, json.
import json
class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"
d = Default(a=1)
print(d["a"], d["zz"], d.get("zz"), "zz" in d, d, len(d))
class Lower(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
lo = Lower()
lo["KEY"] = 1
print(lo["key"], lo["Key"], lo, list(lo.items()), isinstance(lo, dict))
class Attr(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
ad = Attr(x=1, y=2)
print(ad.x, ad.y, sorted(ad), json.dumps(ad), dict(ad), {**ad})
try:
    ad.missing
except AttributeError as e:
    print("AttributeError:", e)
class Counting(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.sets = 0
    def __setitem__(self, k, v):
        self.sets += 1
        dict.__setitem__(self, k, v)
c = Counting({"a": 1}, b=2)
c["c"] = 3
c.update(d=4)
print(c, c.sets, c == {"a": 1, "b": 2, "c": 3, "d": 4}, type(c.copy()).__name__)
for k, v in c.items():
    print(k, v, end="; ")
print()
print(sorted(c.keys()), list(c.values()), c.pop("a"), c.setdefault("z", 0), c)
try:
    hash(c)
except TypeError as e:
    print("TypeError:", e)
print(dict.fromkeys("ab", 0), Default.fromkeys("xy"))
