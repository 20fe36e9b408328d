# collections.abc: the ABCs with isinstance/issubclass on built-in types and user classes,
# mixin methods, abc.ABCMeta.register, __subclasses__.
from collections.abc import (Iterable, Iterator, Sized, Container, Hashable, Callable, Sequence,
    MutableSequence, Mapping, MutableMapping, Set, MutableSet, Collection, Reversible, Generator,
    KeysView, ItemsView, ValuesView, ByteString)
import collections.abc
vals = [[], (), {}, set(), frozenset(), '', b'', bytearray(), range(3), iter([]), (x for x in []),
        {}.keys(), {}.values(), {}.items(), 1, 1.5, None, len, lambda: 0, object()]
abcs = [Iterable, Iterator, Sized, Container, Hashable, Callable, Sequence, MutableSequence, Mapping,
        MutableMapping, Set, MutableSet, Collection, Reversible, Generator, KeysView, ByteString]
for v in vals:
    print(type(v).__name__, ''.join('1' if isinstance(v, a) else '0' for a in abcs))
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(int, Hashable), issubclass(list, Hashable))
class MyMap(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __len__(self): return len(self.d)
    def __iter__(self): return iter(self.d)
m = MyMap({'a': 1, 'b': 2})
print(m['a'], m.get('z', 0), 'a' in m, list(m.keys()), list(m.items()), list(m.values()), m == {'a': 1, 'b': 2}, len(m))
print(isinstance(m, Mapping), isinstance(m, MutableMapping), isinstance(m, Collection))
class MySeq(MutableSequence):
    def __init__(self): self.data = []
    def __getitem__(self, i): return self.data[i]
    def __setitem__(self, i, v): self.data[i] = v
    def __delitem__(self, i): del self.data[i]
    def __len__(self): return len(self.data)
    def insert(self, i, v): self.data.insert(i, v)
s = MySeq()
s.append(3); s.extend([1, 2]); s.reverse(); s += [9]
print(s.data, s.index(1), s.count(2), 2 in s, list(reversed(s)), s.pop(), s.data)
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), Iterator), isinstance(It(), Iterable), issubclass(It, Sized))
class Half(Sequence):
    pass
try:
    Half()
except TypeError as e:
    print(e)
print(Iterable, collections.abc.Mapping.__module__)
from abc import ABC, ABCMeta, abstractmethod
class Base(ABC):
    @abstractmethod
    def f(self): ...
class Impl:
    def f(self): return 1
Base.register(Impl)
print(isinstance(Impl(), Base), issubclass(Impl, Base), type(Base).__name__)
class M(metaclass=ABCMeta):
    @abstractmethod
    def g(self): ...
try:
    M()
except TypeError as e:
    print(e)
class SubSet(Set):
    def __init__(self, it): self.s = list(dict.fromkeys(it))
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(self.s)
    def __len__(self): return len(self.s)
a, b = SubSet([1, 2, 3]), SubSet([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= b, a == SubSet([3, 2, 1]), a.isdisjoint([7]))
class A0: pass
class B0(A0): pass
class C0(B0): pass
print(A0.__subclasses__(), type.__subclasses__(A0))
from abc import ABC
class X0(ABC): pass
class Y0(X0): pass
print(X0.__subclasses__(), type.__subclasses__(X0))
Base.register(5)
