# type(name, bases, ns) gives the class the caller's module as __module__ (in the
# class namespace, not the dict passed).
X = type('X', (object,), {'v': 3, 'get': lambda self: self.v * 2})
print(X().get(), X.__name__, X.__bases__, X.__qualname__, X.__module__, repr(X), X.__dict__['__module__'])
ns = {'a': 1}
Y = type('Y', (X,), ns)
print(Y.__module__, 'module' in ns, sorted(ns), Y().get(), Y.a)
Z = type('Z', (), {'__module__': 'custom'})
print(Z.__module__, repr(Z))
class Meta(type): pass
W = Meta('W', (), {})
print(W.__module__, type(W).__name__, repr(W))
import collections
print(collections.OrderedDict.__module__, collections.namedtuple('NT', 'a').__module__)
