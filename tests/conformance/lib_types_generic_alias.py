# types.GenericAlias: list[int] and friends, construction, equality, hashing, __parameters__ and substitution, attribute forwarding, isinstance errors.
import types, typing
GA = type(list[int])
print(GA, GA.__module__, GA.__name__)
print(list[int] == list[int], list[int] == list[str], list[int] != list[int], list[int] == list)
print(hash(list[int]) == hash(list[int]), {list[int]: 1}[list[int]])
print(list[int].__origin__, list[int].__args__, dict[str, int].__args__)
print(list[int](), list[int]((1, 2)), dict[str, int](a=1))
print(repr(list[int]), str(dict[str, list[int]]), tuple[int, ...], tuple[()], list[None] if False else '')
print(type[int], list['X'] if False else '')
T = typing.TypeVar('T')
print(list[T], list[T].__parameters__, list[int].__parameters__, dict[str, T][int])
try:
    isinstance([], list[int])
except TypeError as e:
    print('TypeError:', e)
try:
    list[int][int]
except TypeError as e:
    print('TypeError:', e)
print(list[int].append is list.append, dict[str, int].fromkeys('ab'))
print(list[int] | None, int | list[str])
class C(list[int]):
    pass
print(C.__mro__, C.__orig_bases__ if hasattr(C, '__orig_bases__') else None)
print(GA(list, (int,)), GA(dict, (str, int)), GA(list, int))
print(GA(list, (int,)) == list[int])
print(isinstance(list[int], GA), isinstance(list[int], type))
