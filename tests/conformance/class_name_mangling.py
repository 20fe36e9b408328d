# Private names (__x) in class bodies and methods are mangled to _Class__x:
# class attributes, methods, annotations, instance attributes, globals.
__version = 'module private'
_Shape__version = 'mangled global'


class Shape:
    __count = 0
    __label: str = 'shape'
    kind = 'generic'

    def __init__(self, name):
        Shape.__count += 1
        self.__name = name
        self.__dict__['plain'] = 1

    def __describe(self):
        return f'{self.__name} #{Shape.__count}'

    def describe(self):
        return self.__describe()

    @classmethod
    def __make(cls, name):
        return cls(name)

    @classmethod
    def make(cls, name):
        return cls.__make(name)

    @staticmethod
    def __helper():
        return 'helper'

    def helper(self):
        return self.__helper()

    def version(self):
        return __version

    def __dunder__(self):
        return 'not mangled'

    class __Inner:
        pass

    def inner_name(self):
        return self.__Inner.__name__


class Circle(Shape):
    __count = 100

    def __init__(self, name):
        super().__init__(name)
        self.__name = 'circle ' + name

    def names(self):
        return self.__name, self._Shape__name


s = Shape('a')
c = Circle.make('b')
print(s.describe(), c.describe())
print(sorted(k for k in vars(Shape) if 'Shape' in k))
print(sorted(vars(c)))
print(c.names(), Circle._Circle__count, Shape._Shape__count)
print(s.helper(), s.version(), s.__dunder__(), s.inner_name())
print(Shape.__annotations__)
for attr in ['__count', '_Shape__count', '__describe', '_Shape__describe', '__name']:
    print(attr, hasattr(s, attr))
try:
    s.__describe()
except AttributeError as e:
    print('AttributeError', e)


class _Private:
    __x = 1

    def get(self):
        return self.__x


class __Dunder:
    __y = 2


print(_Private._Private__x, _Private().get(), [k for k in vars(__Dunder) if 'y' in k])
