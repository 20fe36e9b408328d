# enum: Enum/IntEnum/StrEnum members, auto, aliases, lookup by value and name, iteration,
# len/in, unique, _missing_, __init__ with tuple values, methods/properties, match.
import enum
from enum import Enum, IntEnum, StrEnum, auto, unique
class C(enum.Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1
class P(enum.IntEnum):
    LOW = 1
    HIGH = 2
class S(enum.StrEnum):
    A = enum.auto()
    B = 'bee'
print(repr(C.RED), str(C.RED), f'{C.RED}', format(C.RED, '>10'), repr(P.LOW), str(P.LOW), f'{P.LOW}', P.LOW + 1, P.LOW == 1)
print(repr(S.A), str(S.A), f'{S.B}', S.A == 'a', S('bee'), S.B.upper())
print(C.RED in C, list(C), len(C), C['RED'], C(2), C.__members__, C.CRIMSON is C.RED)
try: C(5)
except ValueError as e: print(e)
try: C['X']
except KeyError as e: print(repr(e))
try: C.RED < C.GREEN
except TypeError as e: print(e)
print(hash(C.RED) == hash('RED'), C.RED.name, C.RED.value, type(C.RED).__name__)
class F(enum.Enum):
    X = enum.auto()
    Y = enum.auto()
    def describe(self): return f'{self.name}={self.value}'
    @property
    def double(self): return self.value * 2
    @classmethod
    def first(cls): return list(cls)[0]
print(list(F), F.X.value, F.Y.describe(), F.Y.double, F.first())
try:
    @enum.unique
    class U(enum.Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
print(C.RED.__class__ is C, isinstance(C.RED, C), isinstance(C.RED, enum.Enum), isinstance(P.LOW, int))
print(bool(C.RED), sorted(P), max(P), P(2), P.HIGH > P.LOW, P.HIGH * 10, [p.name for p in P])
d = {C.RED: 'r', C.GREEN: 'g'}; print(d[C.RED], d[C(2)], C.RED == C.RED, C.RED != C.GREEN, C.RED == 1)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self): return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, round(Planet.EARTH.gravity, 2), Planet((3.303e+23, 2.4397e6)).name)
class Status(Enum):
    ACTIVE = 'active'
    INACTIVE = 'inactive'
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower(): return m
        return None
print(Status('ACTIVE'), Status('inactive'))
try: Status('nope')
except ValueError as e: print(e)
def handle(s):
    match s:
        case Status.ACTIVE: return 'on'
        case Status.INACTIVE: return 'off'
print(handle(Status.ACTIVE), handle(Status('INACTIVE')))
import copy
print(copy.deepcopy(C.RED) is C.RED, [m.value for m in S], len(S), S.A in S)
