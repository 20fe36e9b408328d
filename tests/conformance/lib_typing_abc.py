# typing's container aliases are the collections.abc classes: isinstance/issubclass through
# them, generic aliases as bases (the origin plus Generic in the MRO).
import typing
from typing import Iterable, Sequence, Mapping, List, Callable, Hashable, Sized
print(isinstance([], Iterable), isinstance({}, Mapping), isinstance(3, Hashable), isinstance([], Sized), issubclass(list, Sequence))
print(Iterable, Iterable[int], Sequence[str], Mapping[str, int], Callable[[int], str], Hashable, Sized)
print(Iterable.__origin__ if hasattr(Iterable, '__origin__') else None, List[int].__origin__, Sequence[int].__origin__)
def f(x: Iterable[int]) -> Sequence[int]:
    return list(x)
print(f.__annotations__, f(range(3)))
class MyIt(Iterable[int]):
    def __iter__(self):
        return iter([1, 2])
print(list(MyIt()), isinstance(MyIt(), Iterable), MyIt.__mro__)
class L(typing.List[int]):
    pass
class D(typing.Dict[str, int], typing.Iterable):
    pass
T = typing.TypeVar('T')
class Stack(typing.Generic[T]):
    pass
class IntStack(Stack[int]):
    pass
class Both(typing.Sequence[int], Stack[int]):
    def __getitem__(self, i): return i
    def __len__(self): return 0
print(L.__mro__, D.__mro__, Stack.__mro__, IntStack.__mro__, Both.__mro__, sep='\n')
print(isinstance(L(), list), issubclass(typing.List, typing.Sequence) if False else '', isinstance([], typing.List), isinstance({}, typing.Dict))
