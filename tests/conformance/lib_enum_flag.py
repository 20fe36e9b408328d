from enum import Flag, IntFlag, auto, Enum
class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RW = 6
class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
print(list(Perm), list(Color), len(Perm), len(Color))
rw = Perm.R | Perm.W
print(rw, repr(rw), rw is Perm.RW, rw.name, rw.value, Perm(3), repr(Perm(3)), repr(Perm(7)), str(Perm(7)))
print(Perm(0), repr(Perm(0)), bool(Perm(0)), bool(Perm.R), Perm.R in rw, Perm.X in rw, ~Perm.R, repr(~Perm.R), ~Perm(7), repr(~Perm(0)))
print(rw & Perm.R, rw ^ Perm.R, rw ^ Perm.X, list(rw), list(Perm(7)), len(rw), Perm.R | Perm.R)
print(Color.WHITE, repr(Color.WHITE), Color.RED | Color.BLUE, [c.value for c in Color], Color(5), Color.WHITE.name)
print(format(Perm.R), f"{rw}", hash(Perm.R) == hash(Perm.R), Perm.R == Perm(4), Perm["W"], isinstance(rw, Perm))
try: Perm(9)
except ValueError as e: print(e)
class P2(IntFlag):
    R = 4
    W = 2
    X = 1
v = P2.R | P2.W
print(v, repr(v), str(v), v == 6, v + 1, P2.R | 8, repr(P2.R | 8), P2(9), repr(P2(0)), ~P2.R, repr(~P2.R), isinstance(v, int), f"{v}", format(v, "03d"))
print(list(P2), P2.R & 4, repr(P2.R & 4), type(P2.R & 4).__name__, 4 | P2.X, repr(4 | P2.X), P2.W in v)
d = {Perm.R: "read", Perm.W: "write"}
print(d[Perm.R], sorted(p.name for p in Perm))
print(Perm.R < Perm.W if False else "", Perm.R.value | Perm.W.value)
class Opt(Flag):
    NONE = 0
    A = auto()
    B = auto()
print(list(Opt), Opt.NONE, repr(Opt.NONE), Opt(0) is Opt.NONE, Opt.A | Opt.B, Opt.B.value)
class Cf(Flag, boundary=__import__("enum").CONFORM):
    A = 1
    B = 2
print(Cf(7), repr(Cf(4)), Cf(3))
from enum import STRICT, KEEP, FlagBoundary
print(STRICT, KEEP.value, list(FlagBoundary))
class Big(IntFlag):
    A = auto()
    B = auto()
    C = auto()
print([m.value for m in Big], Big.A | Big.C, Big(7) == 7, ~Big.A, Big.B ^ 3)
