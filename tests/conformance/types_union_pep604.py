# PEP 604 unions (int | None): repr, __args__, equality, hashing, isinstance and
# issubclass, use in annotations; the __mro_entries__ hook for class bases.
x: int | None = None
print(__annotations__)
print(int | None, int | str | None, str | int | str, type(int | str).__name__)
u = int | str
print(u.__args__, u == (str | int), u == (int | float), u != (int | str))
print(hash(int | str) == hash(str | int), len({int | str, str | int, int | None}))
print((int | str) | float, int | (str | None), None | int)
print(isinstance(5, int | str), isinstance('a', int | str), isinstance(None, int | None),
      isinstance(2.5, int | str), isinstance(True, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str), issubclass(str, (int, str | None)))
print(isinstance(3, (float, int | None)))


class Animal:
    pass


class Dog(Animal):
    pass


print(Animal | None, Dog | Animal, isinstance(Dog(), Animal | int))


def describe(value: int | str | None = None) -> str | None:
    if isinstance(value, int | float):
        return 'number'
    return None if value is None else 'text'


print(describe(1), describe('a'), describe(), describe.__annotations__)
try:
    print(int | 5)
except TypeError as e:
    print('TypeError', e)
try:
    print(isinstance(1, 5))
except TypeError as e:
    print('TypeError', e)


class Entry:
    def __init__(self, base):
        self.base = base

    def __mro_entries__(self, bases):
        print('mro_entries got', [b.__name__ if isinstance(b, type) else 'Entry' for b in bases])
        return (self.base,)


class Child(Entry(Dog), Exception):
    pass


print([k.__name__ for k in Child.__mro__], len(Child.__orig_bases__), isinstance(Child(), Animal))
