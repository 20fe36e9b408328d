# Descriptors: __get__, __set__, __delete__, __set_name__; data vs non-data.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.name)
class Point:
    x = Typed()
    y = Typed()
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y, type(Point.x).__name__)
try:
    p.x = "s"
except TypeError as e:
    print("TypeError:", e)
del p.x
print(p.x)
class NonData:
    def __get__(self, obj, objtype=None):
        return "computed"
class Holder:
    attr = NonData()
h = Holder()
print(h.attr, Holder.attr)
h.attr = "instance wins"
print(h.attr)
class DataWins:
    def __get__(self, obj, objtype=None):
        return "descriptor"
    def __set__(self, obj, value):
        print("descriptor set", value)
class H2:
    d = DataWins()
h2 = H2()
h2.d = 5
h2.__dict__["d"] = "shadow"
print(h2.d)
class ClassAccess:
    def __get__(self, obj, objtype=None):
        return ("get", obj is None, objtype.__name__)
class CA:
    v = ClassAccess()
print(CA.v, CA().v[1])
class Lazy:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, objtype=None):
        v = self.f(obj)
        setattr(obj, self.f.__name__, v)
        return v
class UsesLazy:
    @Lazy
    def expensive(self):
        print("computing")
        return 42
u = UsesLazy()
print(u.expensive, u.expensive)
