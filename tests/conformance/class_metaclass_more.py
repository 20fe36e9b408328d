# More metaclass uses: super() between metaclasses, __getitem__ with slices, a metaclass
# __call__ as decorator, __delattr__, counting instances, __slots__ classes.
class Base(type):
    def describe(cls):
        return 'Base.describe ' + cls.__name__
class Derived(Base):
    def describe(cls):
        return 'Derived+' + super().describe()
class A(metaclass=Derived): pass
print(A.describe())
class Sl(type):
    def __getitem__(cls, k):
        return (cls.__name__, k)
class B(metaclass=Sl): pass
print(B[1:2], B[1, 2], B['x'])
class Deco(type):
    def __call__(cls, f):
        return ('wrapped', f.__name__)
class wrap(metaclass=Deco): pass
@wrap
def fn(): pass
print(fn)
class Attrs(type):
    def __delattr__(cls, name):
        print('meta delattr', name)
class C(metaclass=Attrs):
    y = 1
del C.y
print(hasattr(C, 'y'))
class Cnt(type):
    instances = 0
    def __call__(cls, *a, **k):
        Cnt.instances += 1
        return super().__call__(*a, **k)
class D(metaclass=Cnt):
    def __init__(self, *a, **k):
        self.a, self.k = a, k
d = D(1, 2, z=3)
print(d.a, d.k, Cnt.instances, [D() for _ in range(3)] and Cnt.instances)
class E(metaclass=Cnt):
    __slots__ = ('q',)
    def __init__(self): self.q = 5
print(E().q, type(E).__name__)
print(isinstance(D, Cnt), issubclass(Cnt, type), Cnt.__name__, Cnt.__class__)
