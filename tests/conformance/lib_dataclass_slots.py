from dataclasses import dataclass, field
@dataclass(slots=True)
class Sl:
    a: int
    b: int = 2
    c: list = field(default_factory=list)
s = Sl(1); print(s, Sl.__slots__, s == Sl(1), hasattr(s, "__dict__"))
try: s.z = 5
except AttributeError as e: print(e)
@dataclass(slots=True, frozen=True, order=True)
class F:
    x: int
    y: str = "q"
f = F(1); print(f, f < F(2), hash(f) == hash(F(1)))
try: f.x = 3
except Exception as e: print(type(e).__name__, e)
@dataclass(slots=True)
class Child(Sl):
    d: int = 0
print(Child(1, d=4), Child.__slots__)
