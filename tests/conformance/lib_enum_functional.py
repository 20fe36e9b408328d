# enum: str()/format() of members of mixed-in enums, the functional API, with abc/dataclasses.
from enum import Enum, IntEnum, StrEnum, auto, unique
class S(str, Enum):
    A = 'a'
    B = 'b'
print(S.A, repr(S.A), S('a'), S.A == 'a', type(S).__name__, list(S))
class St(StrEnum):
    X = auto()
print(St.X, repr(St.X), St.X.upper(), repr(St))
try:
    Color = Enum('Color', 'RED GREEN')
    print(list(Color), repr(Color))
except Exception as e:
    print(type(e).__name__, e)
from dataclasses import dataclass
import abc
@dataclass
class P(abc.ABC):
    x: int
print(P(1), type(P).__name__)
import copy
class M(type): pass
class K(metaclass=M):
    def __init__(self): self.v = [1]
k2 = copy.deepcopy(K())
print(type(k2).__name__, k2.v)
try:
    S('zz')
except ValueError as e:
    print(e)
print(S.A.name, S.A.value, S['B'], len(S), S.B in S)
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal), Animal(3))
N = IntEnum('N', ['X', 'Y'], start=10)
print(list(N), N.Y + 1)
D = Enum('D', {'a': 'x', 'b': 'y'})
print(list(D), D('y'))
P = Enum('P', [('ONE', 1), ('TWO', 2)])
print(P.TWO, P(1))
try:
    Animal(9)
except ValueError as e:
    print(e)
