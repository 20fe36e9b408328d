# __parameters__ of generic classes and aliases; CPython's errors for plain Generic
# bases and type variables missing from Generic[...].
from typing import Callable, Dict, Generic, List, Protocol, TypeVar

T = TypeVar("T")
K = TypeVar("K")
U = TypeVar("U")


class Box(Generic[T]):
    def __init__(self, v: T):
        self.v = v


class Pair(Generic[K, T]):
    pass


class IntBox(Box[int]):
    pass


class Sub(Box[T], Generic[T]):
    pass


class M(Dict[str, T]):
    pass


class P(Protocol[T]):
    def get(self) -> T: ...


class Q(Protocol):
    def m(self): ...


for c in (Box, Pair, IntBox, Sub, M, P, Q):
    print(c.__name__, c.__orig_bases__ if "__orig_bases__" in c.__dict__ else "-", c.__parameters__)
print(List[T].__parameters__, Callable[[T], U].__parameters__, List[List[T]].__parameters__)
print(List[int].__parameters__, Dict[K, List[T]].__parameters__, Box[int]("x").v)
for src in ["class Bad(Generic): pass", "class Bad2(List[T], Generic[U]): pass",
            "class Bad3(Generic[T], Generic[U]): pass"]:
    try:
        exec(src)
    except TypeError as e:
        print(e)
