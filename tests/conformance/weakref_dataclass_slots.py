import weakref
from dataclasses import dataclass
@dataclass(slots=True, weakref_slot=True)
class P:
    x: int
    y: int = 0
@dataclass(slots=True)
class Q:
    x: int
p = P(1)
r = weakref.ref(p)
print(r(), P.__slots__, hasattr(p, "__dict__"))
try:
    weakref.ref(Q(1))
except TypeError as e:
    print(e)
try:
    dataclass(weakref_slot=True)(type("Z", (), {}))
except TypeError as e:
    print(e)
del p
print(r())
