# staticmethod, classmethod, property (getter/setter/deleter).
class Temp:
    scale = "C"
    instances = 0
    def __init__(self, c):
        self._c = c
        Temp.instances += 1
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}, {cls.instances} made"
t = Temp(100)
print(t.celsius, t.fahrenheit, Temp.c_to_f(0), t.c_to_f(37))
t.celsius = 20
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
t2 = Temp.from_f(212)
print(t2.celsius, type(t2).__name__, Temp.describe(), t.describe())
class Kelvin(Temp):
    scale = "K"
k = Kelvin.from_f(32)
print(type(k).__name__, k.celsius, Kelvin.describe())
del t.celsius
print(hasattr(t, "_c"))
try:
    t.celsius
except AttributeError as e:
    print("AttributeError:", e)
print(type(Temp.__dict__["c_to_f"]).__name__, type(Temp.__dict__["from_f"]).__name__, type(Temp.__dict__["celsius"]).__name__)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return 42
l = Lazy()
print(l.value, l.value, l.computed)
class Circle:
    pi = 3.14
    def __init__(self, r):
        self.r = r
    @property
    def area(self):
        return round(self.pi * self.r ** 2, 2)
    @staticmethod
    def unit():
        return Circle(1)
print(Circle(2).area, Circle.unit().area, Circle.unit().r)
class Registry:
    _items = []
    @classmethod
    def add(cls, x):
        cls._items.append(x)
        return len(cls._items)
print(Registry.add("a"), Registry().add("b"), Registry._items)
