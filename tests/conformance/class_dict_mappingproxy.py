# A class __dict__ is a live, read-only mappingproxy; types.MappingProxyType wraps
# any mapping the same way.
import types
from collections.abc import Mapping


class Base:
    x = 1

    def m(self):
        return "m"


class Child(Base):
    y = 2


d = Base.__dict__
print(type(d).__name__, type(d), type(d) is types.MappingProxyType)
print(isinstance(d, dict), isinstance(d, Mapping))
print(d["x"], "m" in d, "y" in d, d.get("zz", 5), d.get("x"))
print([k for k in d if not k.startswith("__")])
print([k for k in d.keys() if not k.startswith("__")], type(d.keys()).__name__)
print(sorted(k for k, v in d.items() if not k.startswith("__")))
for op in ("set", "del", "attr"):
    try:
        if op == "set":
            d["y"] = 2
        elif op == "del":
            del d["x"]
        else:
            d.extra = 1
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
Base.z = 3
print("z" in d, d["z"], len(d) == len(Base.__dict__))
del Base.z
print("z" in d)
print("x" in Child.__dict__, Child.__dict__["y"], "y" in vars(Child))
print(type(vars(Child)).__name__)
c = d.copy()
print(type(c).__name__, c["x"])
c["new"] = 1
print("new" in d)
print(dict(Child.__dict__)["y"], {**Child.__dict__}["y"])
print(type(Child.__dict__ | {"k": 1}).__name__, (Child.__dict__ | {"k": 1})["k"])
print(type(int.__dict__).__name__, "bit_length" in int.__dict__)
mp = types.MappingProxyType({"a": 1, "b": 2})
print(mp, len(mp), list(mp), list(mp.values()), mp == {"a": 1, "b": 2})
print(str(mp), mp.copy(), mp | {"c": 3}, list(reversed(mp)))
for bad in ([1, 2], 5, "ab"):
    try:
        types.MappingProxyType(bad)
    except TypeError as e:
        print(e)
try:
    mp["a"] = 5
except TypeError as e:
    print(e)
try:
    hash(mp)
except TypeError as e:
    print(e)


class Meta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.names = [k for k in cls.__dict__ if not k.startswith("_")]
        return cls


class WithMeta(metaclass=Meta):
    a = 1

    def f(self):
        pass


print(WithMeta.names, type(WithMeta.__dict__).__name__)
# object.__repr__ leaves out the module of built-in classes.
print(repr(object()).split(" at ")[0], repr(WithMeta()).split(" at ")[0])
