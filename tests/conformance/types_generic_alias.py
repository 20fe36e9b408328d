# types.GenericAlias (list[int], dict[str, int], ...): repr, __origin__/__args__,
# calls, equality and hashing, unions with |, use as a base class, in annotations.
from collections import deque, defaultdict
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type(list[int]), set[str] | None, list[int] | dict[str, int])
print(list[int]([1, 2]), list[int].__origin__, dict[str, int].__args__, list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]))
print(deque[int], defaultdict[str, int], type[int], frozenset[int])
class MyList(list[int]):
    pass
print(MyList([1, 2]), MyList.__mro__[1], MyList.__orig_bases__)
def f(a: list[int], b: dict[str, tuple[int, ...]] | None = None) -> set[str]:
    return set()
print(f.__annotations__)
try:
    isinstance([], list[int])
except TypeError as e:
    print('TypeError')
