# Class decorators: registration, adding methods, replacing the class, stacking.
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
def tagged(tag):
    def deco(cls):
        cls.tag = tag
        return cls
    return deco
@register
@add_repr
@tagged("t1")
class Item:
    def __init__(self, name, qty):
        self.name = name
        self.qty = qty
print(Item("bolt", 3), Item.tag, sorted(registry))
def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, v):
        self.v = v
a = Config(1)
b = Config(2)
print(a is b, a.v, type(Config).__name__)
def count_instances(cls):
    orig = cls.__init__
    cls.created = 0
    def __init__(self, *a, **k):
        cls.created += 1
        orig(self, *a, **k)
    cls.__init__ = __init__
    return cls
@count_instances
class Thing:
    def __init__(self, x):
        self.x = x
Thing(1); Thing(2)
print(Thing.created, Thing(3).x, Thing.created)
import functools
@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __lt__(self, o):
        return self.n < o.n
print(Version(1) <= Version(2), Version(3) > Version(2), Version(2) >= Version(2))
