# abc abstract class/static methods, collections.abc checks and mixins, and copy
# honouring __getstate__/__setstate__, __deepcopy__, __reduce__ and slots.
import abc, copy
from collections.abc import Iterable, Sized, Container, Hashable, Callable, Sequence, MutableMapping, Mapping, Iterator, Generator
class Base(abc.ABC):
    @classmethod
    @abc.abstractmethod
    def make(cls): ...
    @staticmethod
    @abc.abstractmethod
    def util(): ...
    @abc.abstractmethod
    def run(self): return 'base run'
class Impl(Base):
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def util(): return 'u'
    def run(self): return super().run() + '!'
print(Impl.make().run(), Impl.util(), sorted(Base.__abstractmethods__), Impl.__abstractmethods__)
try: Base()
except TypeError as e: print(e)
class Duck:
    def __len__(self): return 0
    def __iter__(self): return iter([])
    def __contains__(self, x): return False
print(isinstance(Duck(), Sized), isinstance(Duck(), Iterable), isinstance(Duck(), Container), issubclass(Duck, Hashable), isinstance(len, Callable), isinstance([], Sequence), isinstance({}, MutableMapping), isinstance((x for x in []), Generator), isinstance(iter([]), Iterator), isinstance('', Sequence))
class Hook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, 'quack') else NotImplemented
class Q:
    def quack(self): pass
print(issubclass(Q, Hook), isinstance(1, Hook))
class MyMap(Mapping):
    def __init__(self, d): self._d = d
    def __getitem__(self, k): return self._d[k]
    def __len__(self): return len(self._d)
    def __iter__(self): return iter(self._d)
m = MyMap({'a': 1, 'b': 2})
try:
    class Bad(Mapping): pass
    Bad()
except TypeError as e: print(e)
class St:
    def __init__(self): self.a = 1; self.cache = 'big'
    def __getstate__(self): s = self.__dict__.copy(); del s['cache']; return s
    def __setstate__(self, s): self.__dict__.update(s); self.cache = 'rebuilt'
c = copy.deepcopy(St()); print(c.__dict__)
class Dc:
    def __init__(self, v): self.v = v
    def __deepcopy__(self, memo): print('deepcopy hook'); return Dc(copy.deepcopy(self.v, memo))
d = copy.deepcopy({'k': Dc([1])}); print(d['k'].v)
class Red:
    def __init__(self, a): self.a = a
    def __reduce__(self): return (Red, (self.a * 2,))
print(copy.copy(Red(2)).a, copy.deepcopy(Red(3)).a)
class Sl:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = [1]; self.y = 2
s2 = copy.deepcopy(Sl()); print(s2.x, s2.y, copy.copy(Sl()).x)
class Both:
    __slots__ = ('a', '__dict__')
    def __init__(self): self.a = 1; self.b = [2]
    def __getstate__(self): return ({'b': self.b}, {'a': self.a + 100})
cb = copy.deepcopy(Both()); print(cb.a, cb.b, copy.copy(Both()).a)
class NoneState:
    def __init__(self): self.z = 1
    def __getstate__(self): return None
print(hasattr(copy.copy(NoneState()), 'z'))
class OnlySet:
    def __init__(self): self.q = [1]
    def __setstate__(self, st): self.__dict__.update(st); self.restored = True
o = copy.deepcopy(OnlySet()); print(o.q, o.restored, copy.copy(OnlySet()).restored)
e = copy.deepcopy(ValueError('x', 2)); print(repr(e), e.args)
