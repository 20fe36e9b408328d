# A realistic program: inventory with custom containers and validation.
class ValidationError(ValueError):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field
class Positive:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 0)
    def __set__(self, obj, value):
        if value < 0:
            raise ValidationError(self.name, "must be >= 0")
        obj.__dict__[self.name] = value
class Item:
    qty = Positive()
    price = Positive()
    def __init__(self, name, qty, price):
        self.name, self.qty, self.price = name, qty, price
    @property
    def total(self):
        return self.qty * self.price
    def __repr__(self):
        return f"Item({self.name!r}, {self.qty}, {self.price})"
class Inventory(dict):
    def add(self, item):
        self[item.name] = item
        return self
    def __missing__(self, name):
        raise KeyError(f"no item {name!r}")
    @property
    def value(self):
        return sum(i.total for i in self.values())
class Tags(set):
    def __str__(self):
        return ",".join(sorted(self))
inv = Inventory()
inv.add(Item("bolt", 10, 0.25)).add(Item("nut", 4, 0.1))
print(inv, inv.value, len(inv), sorted(inv))
try:
    inv["screw"]
except KeyError as e:
    print("KeyError:", e)
try:
    Item("x", -1, 1)
except ValueError as e:
    print(type(e).__name__, e, e.field)
t = Tags(["b", "a"])
print(t, str(t), len(t), "a" in t)
class Registry(type.__mro__[0] if False else object):
    members = {}
    def __init_subclass__(cls, key, **kw):
        super().__init_subclass__(**kw)
        Registry.members[key] = cls
class Csv(Registry, key="csv"): pass
class Json(Registry, key="json"): pass
print({k: v.__name__ for k, v in Registry.members.items()})
class Path(str):
    def __truediv__(self, other):
        return Path(self.rstrip("/") + "/" + other)
    def parts(self):
        return self.split("/")
p = Path("/usr") / "lib" / "x.py"
print(p, type(p).__name__, p.parts(), p.endswith(".py"), len(p), p.upper())
class Matrix(list):
    @classmethod
    def zeros(cls, n):
        return cls([0] * n for _ in range(n))
    def __mul__(self, k):
        return Matrix([[x * k for x in row] for row in self])
m = Matrix.zeros(2)
m[0][0] = 1
print(m, m * 3, type(m * 3).__name__, m == [[1, 0], [0, 0]])
class Version(tuple):
    def __new__(cls, s):
        return super().__new__(cls, map(int, s.split(".")))
    def __str__(self):
        return ".".join(map(str, self))
vs = sorted([Version("1.10.0"), Version("1.2.3"), Version("1.2")])
print([str(v) for v in vs], Version("2.0") > Version("1.99"), max(vs), repr(vs[0]))
