# Special methods of a metaclass used on its classes: __getattr__, __setattr__, __str__,
# __bool__, __eq__, __hash__, binary operators, __call__; type.__new__/type.__call__ called directly.
class M(type):
    def __getattr__(cls, name):
        return 'meta-getattr ' + name
    def __setattr__(cls, name, value):
        print('meta-setattr', name, value)
        super().__setattr__(name, value)
    def __str__(cls):
        return 'str of ' + cls.__name__
    def __bool__(cls):
        return False
    def __eq__(cls, other):
        return other == 'eq'
    def __hash__(cls):
        return 7
    def __or__(cls, other):
        return ('or', cls.__name__, other)
    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        inst.created_by = 'M'
        return inst
class A(metaclass=M):
    x = 1
print(A.x, A.missing, str(A), bool(A), A == 'eq', hash(A), A | 3)
A.y = 5
print(A.y, A().created_by)
print(f"{A}", "%s" % A, [A], A.__name__, A.__qualname__, A.__module__)
class B(A):
    def __init__(self, v=0):
        self.v = v
b = B(3)
print(b.v, b.created_by, type(B).__name__, B.__mro__)
print(type.__call__(B, 9).v)
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns['added'] = name * 2
        return type.__new__(mcs, name, bases, ns)
class C(metaclass=Meta):
    pass
print(C.added, type(C) is Meta, isinstance(C, Meta), Meta.__name__, Meta.__mro__)
D = Meta('D', (C,), {})
print(D.added, D.__bases__, type(D))
print(type(int), type(type), type(Meta), isinstance(Meta, type))
from abc import ABC, abstractmethod
X = type('X', (ABC,), {'f': abstractmethod(lambda self: 1)})
print(type(X).__name__, sorted(X.__abstractmethods__))
try:
    X()
except TypeError as e:
    print(e)
class M(type):
    def __new__(mcs, name, bases, ns, **kw):
        print('M.__new__', name)
        return super().__new__(mcs, name, bases, ns)
class A(metaclass=M): pass
B = type('B', (A,), {})
print(type(B).__name__, B.__bases__)
from enum import Enum
class Color(Enum):
    RED = 1
print(type(Color).__name__)
class Frozen(type):
    def __setattr__(cls, name, value):
        raise AttributeError('frozen class ' + cls.__name__)
class F(metaclass=Frozen):
    pass
F.x = 1
