# Enum classes have a metaclass (EnumType): class repr, type(cls), isinstance with EnumMeta.
from enum import Enum, IntEnum, EnumMeta, auto, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
class N(IntEnum):
    A = auto()
    B = auto()
print(repr(Color), Color, str(Color), repr(N), type(Color), isinstance(Color, EnumMeta), repr(Enum), list(Color), len(N), Color['RED'], Color(2), Color.RED in Color, N.B + 1)
print(type(Color).__name__, type(Color.RED).__name__, [m.name for m in N], Color.__members__ if hasattr(Color, '__members__') else None)
