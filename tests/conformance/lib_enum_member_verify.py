# enum.member, enum.nonmember, enum.verify with UNIQUE/CONTINUOUS/NAMED_FLAGS
from enum import Enum, Flag, IntEnum, member, nonmember, verify, UNIQUE, CONTINUOUS, NAMED_FLAGS, EnumCheck, auto
class Ops(Enum):
    ADD = member(lambda a, b: a + b)
    MUL = member(lambda a, b: a * b)
    LIMIT = nonmember(10)
    def apply(self, a, b):
        return self.value(a, b)
print([m.name for m in Ops], Ops.LIMIT, Ops.ADD.apply(2, 3), Ops.MUL.apply(2, 3), Ops["MUL"].name, len(Ops))
class Outer(Enum):
    A = 1
    B = member(2)
    helper = nonmember([1, 2])
    @member
    def action(x):
        return x * 3
print(list(Outer)[:2], Outer.B.value, Outer.helper, Outer.action.value(4), Outer.action.name)
@verify(UNIQUE)
class Ok(Enum):
    A = 1
    B = 2
print(list(Ok), EnumCheck.UNIQUE, repr(CONTINUOUS), list(EnumCheck))
for src in ["Color", "Gap", "FlagGap", "NoNamed"]:
    try:
        if src == "Color":
            @verify(UNIQUE)
            class Color(Enum):
                RED = 1
                CRIMSON = 1
                GREEN = 2
                LIME = 2
        elif src == "Gap":
            @verify(CONTINUOUS)
            class Gap(IntEnum):
                A = 1
                B = 2
                E = 5
        elif src == "FlagGap":
            @verify(CONTINUOUS)
            class FlagGap(Flag):
                A = 1
                D = 8
        else:
            @verify(NAMED_FLAGS)
            class NoNamed(Flag):
                A = 1
                B = 2
                ABX = 11
    except ValueError as e:
        print(src, "ValueError:", e)
    else:
        print(src, "ok")
