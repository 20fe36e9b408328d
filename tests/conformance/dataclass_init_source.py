from dataclasses import dataclass, field, InitVar
@dataclass
class A:
    x: int
    y: list = field(default_factory=list)
    z: int = 5
    w: int = field(default=0, init=False)
    v: list = field(default_factory=lambda: [1], init=False)
@dataclass(frozen=True)
class F:
    a: int
    b: str = "s"
@dataclass
class K:
    a: int
    b: int = field(kw_only=True, default=3)
    c: InitVar[int] = 4
    def __post_init__(self, c):
        self.d = self.a + c
print(A(1), A(2, [3], 4), F(1), K(1, b=2, c=10), K(5).d)
for args, kw in [((), {}), ((1, 2, 3, 4), {}), ((1,), {'q': 2}), ((1,), {'x': 2})]:
    try:
        A(*args, **kw)
    except TypeError as e:
        print(e)
try:
    F(1).a = 2
except Exception as e:
    print(type(e).__name__, e)
print(A.__init__.__qualname__, A.__init__.__name__)
import inspect
print(A.__init__.__defaults__)
def f(a): pass
f.__qualname__ = "Renamed.f"
try:
    f()
except TypeError as e:
    print(e)
try:
    f(1, 2)
except TypeError as e:
    print(e)
try:
    f(b=1)
except TypeError as e:
    print(e)


@dataclass
class S:
    self: int
    other: str = "o"


print(S(1), S(self=2, other="x"))
