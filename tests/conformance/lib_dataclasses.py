# dataclasses: generated __init__/__repr__/__eq__/order/hash, field(), defaults and
# default_factory, frozen, __post_init__, inheritance, asdict/astuple/replace/fields,
# match_args, ClassVar, error messages.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass
from dataclasses import FrozenInstanceError, InitVar
from typing import ClassVar, List


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(3), Point(y=5, x=1), p == Point(1, 2), p != Point(2, 1), p == (1, 2))
print(Point.__init__.__qualname__, Point.__match_args__, [f.name for f in fields(Point)])
for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
try:
    hash(p)
except TypeError as e:
    print('TypeError', e)


@dataclass
class Triple:
    a: int
    b: int
    c: int


try:
    Triple()
except TypeError as e:
    print('TypeError', e)
try:
    Triple(1, 2, 3, 4)
except TypeError as e:
    print('TypeError', e)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    label: str = field(default='', compare=False, repr=False)


vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, label='rc')]
print(sorted(vs), max(vs), Version(1, 2) == Version(1, 2, label='x'))
print(hash(Version(1, 2)) == hash(Version(1, 2, 0, 'other')), len(set(vs)))
try:
    vs[0].major = 5
except FrozenInstanceError as e:
    print('FrozenInstanceError', e, isinstance(e, AttributeError))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print('TypeError', e)


@dataclass
class Inventory:
    owner: str
    items: List[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    total: int = field(init=False, default=0)
    registry: ClassVar[int] = 0

    def add(self, item, n=1):
        self.items.append(item)
        self.counts[item] = self.counts.get(item, 0) + n
        self.total += n
        Inventory.registry += 1


a, b = Inventory('ann'), Inventory('bob')
a.add('apple', 3)
a.add('pear')
print(a, b, Inventory.registry, [f.name for f in fields(a)])
print(asdict(a), astuple(b))
try:
    @dataclass
    class Bad:
        xs: list = []
except ValueError as e:
    print('ValueError', e)
try:
    @dataclass
    class Bad2:
        x: int = 0
        y: int
except TypeError as e:
    print('TypeError', e)


@dataclass
class Temperature:
    celsius: float
    unit: InitVar[str] = 'C'
    kelvin: float = field(init=False)

    def __post_init__(self, unit):
        if unit == 'F':
            self.celsius = round((self.celsius - 32) * 5 / 9, 2)
        self.kelvin = round(self.celsius + 273.15, 2)


print(Temperature(100), Temperature(212, 'F'), [f.name for f in fields(Temperature)])


@dataclass
class Animal:
    name: str
    sound: str = '...'

    def speak(self):
        return f'{self.name} says {self.sound}'


@dataclass
class Dog(Animal):
    sound: str = 'woof'
    tricks: list = field(default_factory=list)


d = Dog('rex', tricks=['sit'])
print(d, d.speak(), isinstance(d, Animal), Dog.__match_args__)
print(replace(d, name='max'), d)
print(is_dataclass(d), is_dataclass(Dog), is_dataclass(5))


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)
print(asdict(tree))
print(astuple(tree))


def area(shape):
    match shape:
        case Point(0, 0):
            return 'origin'
        case Point(x, 0):
            return f'on axis at {x}'
        case Point(x=x, y=y):
            return f'at {x},{y}'


print(area(Point(0, 0)), area(Point(4)), area(Point(1, 1)))


@dataclass(eq=False)
class Handle:
    id: int


h1, h2 = Handle(1), Handle(1)
print(h1 == h2, h1 == h1, len({h1, h2}))


@dataclass(unsafe_hash=True)
class Key:
    a: int
    b: str = 'x'


print(hash(Key(1)) == hash(Key(1)), {Key(1): 'v'}[Key(1)])


@dataclass
class WithRepr:
    x: int

    def __repr__(self):
        return 'custom'


print(WithRepr(1), repr([WithRepr(2)]))
