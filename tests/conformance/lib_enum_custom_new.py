# Enum classes with their own __new__ (members made from the value parts, _value_
# set by __new__), data types other than int/str/float, and a live __members__.
import enum
from enum import Enum, IntEnum
class K(enum.IntEnum):
    A = 'x'
    B = 'y'
    def __new__(cls, d):
        v = len(cls.__members__)
        m = int.__new__(cls, v)
        m._value_ = v
        m.description = d
        return m
    def __str__(self): return self.name
print(K.A, repr(K.A), K.A.description, K(0), K(1).description, list(K))
class Coord(bytes, Enum):
    def __new__(cls, value, label):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        return obj
    PX = (0, 'P.X')
    PY = (1, 'P.Y')
print(Coord.PY, Coord(1).label, Coord.PX.value)
class Pl(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __new__(cls, mass, radius):
        obj = object.__new__(cls)
        obj.mass = mass
        obj._value_ = len(cls.__members__) + 1
        return obj
print(Pl.EARTH.value, Pl(2), Pl.EARTH.mass)
class Auto(Enum):
    def __new__(cls, *args):
        value = len(cls.__members__) + 1
        obj = object.__new__(cls)
        obj._value_ = value
        return obj
class Color(Auto):
    RED = ()
    GREEN = ()
print(list(Color), Color(2))
class NoVal(Enum):
    def __new__(cls, x):
        o = object.__new__(cls)
        o.x = x * 2
        return o
    A = 1
    B = 2
print(NoVal.A.value, NoVal.B.x, NoVal(2))
try: K(5)
except ValueError as e: print(e)
class By(bytes, Enum):
    A = b'x'
    B = b'yz'
print(By.A, repr(By.B), By(b'x'), By.B.value, len(By.B), By.A == b'x')
class Fl(float, Enum):
    PI = 3.14
print(Fl.PI, repr(Fl.PI), Fl.PI + 1, f"{Fl.PI}")
class Mix:
    def hello(self): return 'hi ' + self.name
class WithMix(Mix, Enum):
    A = 1
print(WithMix.A.hello(), repr(WithMix.A), WithMix(1))
class Tu(tuple, Enum):
    A = (1, 2)
print(Tu.A, Tu.A.value, Tu.A[0])
print(type(Pl.__members__).__name__, list(Pl.__members__), len(K.__members__))
try:
    Pl.__members__['X'] = 1
except TypeError as e:
    print(e)
