# typing.Protocol: runtime_checkable structural isinstance/issubclass, data members,
# generic protocols, protocols cannot be instantiated.
from typing import Protocol, runtime_checkable
@runtime_checkable
class Closable(Protocol):
    def close(self): ...
class F:
    def close(self): pass
class G:
    pass
print(isinstance(F(), Closable), isinstance(G(), Closable), issubclass(F, Closable))
class NotRC(Protocol):
    def m(self): ...
try:
    isinstance(F(), NotRC)
except TypeError as e:
    print(e)
class Impl(Closable):
    pass
print(isinstance(Impl(), Closable), Impl.__mro__)
try:
    Closable()
except TypeError as e:
    print(e)
from typing import TypeVar, Iterable, Generic
T = TypeVar('T')
@runtime_checkable
class HasX(Protocol):
    x: int
class WithX:
    def __init__(self): self.x = 1
print(isinstance(WithX(), HasX), isinstance(G(), HasX))
try:
    issubclass(WithX, HasX)
except TypeError as e:
    print(e)
@runtime_checkable
class Box(Protocol[T]):
    def get(self) -> T: ...
class IntBox:
    def get(self): return 1
print(isinstance(IntBox(), Box), type(Box).__name__, Box.__mro__[-3:])
class Concrete(Box[int]):
    def get(self): return 2
print(Concrete().get(), isinstance(Concrete(), Box))
class Sized2(Protocol):
    def __len__(self): ...
print(Sized2._is_protocol, Concrete._is_protocol)
try:
    runtime_checkable(F)
except TypeError as e:
    print(str(e)[:60])
