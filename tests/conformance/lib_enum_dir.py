# dir() of an enum class (EnumType.__dir__, through the metaclass) and of members.
from enum import Enum, Flag, IntEnum, auto


class Color(Enum):
    RED = 1
    GREEN = 2
    ALIAS = 1

    def __init__(self, v):
        self.extra = v

    def describe(self):
        return self.name

    @property
    def lower(self):
        return self.name.lower()

    @classmethod
    def default(cls):
        return cls.RED


class F(Flag):
    A = auto()
    B = auto()


class I(IntEnum):
    X = 1


print(dir(Color))
print(dir(Color.RED))
print(dir(F))
print(dir(F.A), dir(F.A | F.B))
print("X" in dir(I), "bit_length" in dir(I), "__members__" in dir(I))
print("name" in dir(I.X), "bit_length" in dir(I.X))


class Meta(type):
    def __dir__(cls):
        return ["zeta", "alpha", "mid"]


class WithMeta(metaclass=Meta):
    x = 1


print(dir(WithMeta), "x" in dir(WithMeta()))
