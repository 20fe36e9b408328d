# typing: aliases and their reprs, Optional/Union, TypeVar and Generic bases, NamedTuple
# and TypedDict (class and functional forms), cast/overload/NewType/get_type_hints.
import typing
from typing import List, Dict, Optional, Union, Tuple, Callable, Any, TypeVar, Generic, NamedTuple, TypedDict, Iterator, Set
print(repr(typing.Dict[str, typing.List[int]]), repr(typing.Callable[[int], str]), repr(typing.Callable[..., int]), repr(typing.Tuple[int, ...]), repr(typing.Tuple[()]))
print(repr(typing.Optional[int]), repr(typing.Union[int, str, None]), repr(typing.Union[int]), repr(typing.Optional[typing.List[int]]), typing.Union[int,str] == typing.Union[str,int])
print(repr(typing.Literal['a', 1]), repr(typing.Any), repr(typing.ClassVar[int]), repr(typing.Final[int]), repr(typing.Type[int]), repr(typing.Iterator[int]))
T = typing.TypeVar('T'); print(repr(T), repr(typing.List[T]), typing.List[int].__args__, typing.List[int].__origin__, typing.get_origin(typing.List[int]), typing.get_args(typing.Dict[str,int]))
class S(typing.Generic[T]):
    def __init__(self): self.items: List[T] = []
    def push(self, x: T) -> None: self.items.append(x)
print(S[int], repr(typing.Set[int]), repr(typing.FrozenSet[int]), repr(typing.DefaultDict[str, int]), repr(typing.Deque[int]), repr(typing.Counter[str]))
s = S[int](); s.push(3); print(s.items, S.__mro__[1:], S.__orig_bases__)
print(repr(typing.Union[int, typing.List[int]]))
print(repr(typing.Optional[typing.Union[int, str]]), repr(int | typing.List[int]))
class Emp(NamedTuple):
    name: str
    id: int = 3
    def label(self): return f'{self.name}#{self.id}'
e = Emp('bob'); print(e, e.label(), e._asdict(), Emp._fields, isinstance(e, tuple), e == ('bob', 3), Emp('x', id=5))
P = NamedTuple('P', [('x', int), ('y', int)]); print(P(1, 2), P._fields)
class Movie(TypedDict):
    title: str
    year: int
m = Movie(title='x', year=1); print(m, type(m).__name__, Movie.__annotations__)
def f(a: List[int], b: Optional[Dict[str, Any]] = None) -> Tuple[int, ...]:
    return tuple(a)
print(f([1, 2]), f.__annotations__)
def g(cb: Callable[[int], int], xs: Iterator[int]) -> List[int]:
    return [cb(x) for x in xs]
print(g(lambda v: v * 2, iter([1, 2])))
print(typing.cast(int, 'x'), typing.TYPE_CHECKING)
try:
    List()
except TypeError as ex:
    print(ex)
print(typing.get_type_hints(f))
UserId = typing.NewType('UserId', int); print(UserId(5))
@typing.overload
def h(x: int) -> int: ...
def h(x): return x
print(h(4))
print(Optional[int] == Union[int, None], hash(List[int]) == hash(List[int]), List[int] == List[int])
from typing import IO, TextIO, Pattern, SupportsInt, ContextManager, T, KT, VT, Any
import re
def f(fh: TextIO, p: Pattern[str], n: SupportsInt, c: ContextManager[Any]) -> list[T]: ...
print(repr(Pattern[str]), repr(ContextManager[int]), T, KT, repr(TextIO)[:20])
