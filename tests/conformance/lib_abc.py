# abc: ABC with abstract methods/properties/classmethods, instantiation errors,
# concrete subclasses, super() into abstract methods, __abstractmethods__.
from abc import ABC, abstractmethod


class Shape(ABC):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    @property
    @abstractmethod
    def sides(self):
        ...

    def describe(self):
        return f'{self.name}: area={self.area():.2f} perimeter={self.perimeter():.2f} sides={self.sides}'


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__('rect')
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)

    @property
    def sides(self):
        return 4


class Partial(Shape):
    def area(self):
        return 0


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = 'square'


for cls, args in [(Shape, ('x',)), (Partial, ('p',)), (Rect, (2, 3)), (Square, (2,))]:
    try:
        obj = cls(*args)
        print(obj.describe())
    except TypeError as e:
        print('TypeError', e)
print(sorted(Shape.__abstractmethods__), sorted(Partial.__abstractmethods__),
      sorted(Rect.__abstractmethods__), type(Shape.__abstractmethods__).__name__)
print(isinstance(Square(1), Shape), issubclass(Rect, Shape))


class Plugin(ABC):
    registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry.append(cls.__name__)

    @classmethod
    @abstractmethod
    def create(cls):
        ...

    @staticmethod
    @abstractmethod
    def version():
        ...


class Impl(Plugin):
    @classmethod
    def create(cls):
        return cls()

    @staticmethod
    def version():
        return '1.0'


print(Plugin.registry, Impl.create().version(), sorted(Plugin.__abstractmethods__))
try:
    Plugin()
except TypeError as e:
    print('TypeError', e)


class Base(ABC):
    @abstractmethod
    def run(self):
        return 'base run'


class Child(Base):
    def run(self):
        return 'child + ' + super().run()


print(Child().run())


class NoAbstract(ABC):
    def hello(self):
        return 'hi'


print(NoAbstract().hello(), NoAbstract.__abstractmethods__)
