# typing at run time: TypedDict (class and functional forms, Required, total),
# NewType as a class, NamedTuple, Generic, get_type_hints and the aliases' reprs.
import typing
from typing import Optional, Union, List, Dict, Generic, TypeVar, NamedTuple, TypedDict, Callable, Any, Literal, Tuple, get_type_hints, get_origin, get_args, cast, overload, Protocol, runtime_checkable, Final, ClassVar
T = TypeVar('T')
print(Optional[int], Union[int, str], List[int], Dict[str, List[int]], Callable[[int], str], Literal['a', 1], Tuple[int, ...], Any, T, Optional[List[T]])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]), get_args(Optional[int]), get_args(Callable[[int], str]))
class Stack(Generic[T]):
    def __init__(self): self.items: List[T] = []
    def push(self, x: T) -> None: self.items.append(x)
s = Stack[int](); s.push(1); print(s.items, Stack[int], Stack.__parameters__, type(s).__name__)
class Pt(NamedTuple):
    x: int
    y: int = 0
    def dist(self): return (self.x**2 + self.y**2) ** .5
p = Pt(3, 4); print(p, p.dist(), p._fields, p._field_defaults, Pt.__annotations__, p._asdict(), p._replace(x=1))
class Movie(TypedDict, total=False):
    title: str
    year: int
m: Movie = {'title': 'x'}; print(m, Movie.__annotations__, type(m).__name__, Movie.__total__)
def f(a: int, b: Optional[str] = None) -> List[int]: ...
print(get_type_hints(f))
print(cast(int, 'x'), typing.TYPE_CHECKING, int | None, list[int] | None)
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable))
print(repr(Union[int, None]), Union[int, int], Union[int, Union[str, float]], Optional[Union[int, str]])
print(typing.get_type_hints(Pt), List, Dict, typing.Sequence[int], typing.Iterable, typing.Mapping[str, int])
U = TypeVar('U', bound=int); V = TypeVar('V', int, str)
print(U.__bound__, V.__constraints__, T.__name__, repr(U))
print(typing.NewType('UserId', int)(5), typing.NewType('UserId', int))
class C:
    x: ClassVar[int] = 1
    y: Final = 2
print(C.__annotations__)
print(Callable[..., int], typing.Type[int], typing.Iterator[int], typing.Generator[int, None, None])
UserId = typing.NewType('UserId', int)
print(UserId(3), UserId, UserId.__supertype__, UserId.__name__, type(UserId).__name__, UserId | None)
try:
    class Bad(UserId): pass
except TypeError as e: print(e)
class Base(TypedDict):
    a: int
class Sub(Base, total=False):
    b: str
    c: typing.Required[int]
print(Sub.__annotations__, sorted(Sub.__required_keys__), sorted(Sub.__optional_keys__), Sub.__total__, Sub(a=1), type(Sub(a=1)), Sub.__mro__)
try: isinstance({}, Sub)
except TypeError as e: print(e)
M2 = TypedDict('M2', {'x': int, 'y': str}, total=False)
print(M2.__annotations__, M2.__total__, M2(x=1), M2.__module__, typing.is_typeddict(M2), typing.is_typeddict(dict))
try:
    class Mixed(Base, int): pass
except TypeError as e: print(e)
