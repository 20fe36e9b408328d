# Metaclasses: __new__, __init__, __call__, __prepare__, class keywords, type(cls),
# attribute and special-method lookup through the metaclass, __instancecheck__ and
# __subclasscheck__, the 3-argument type(), metaclass conflicts.
class M(type):
    def __new__(mcs, name, bases, ns, **kw):
        print('M.__new__', mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.tag = name.lower()
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print('M.__init__', name, kw)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kw):
        print('M.__call__', cls.__name__, args, kw)
        return super().__call__(*args, **kw)
    def __repr__(cls):
        return '<M class %s>' % cls.__name__
    def hello(cls):
        return 'hello from ' + cls.__name__
    @property
    def prop(cls):
        return 'prop of ' + cls.__name__
    def __len__(cls):
        return 42
    def __iter__(cls):
        return iter([1, 2, 3])
    def __contains__(cls, x):
        return x == 'in'
    def __getitem__(cls, k):
        return k * 2
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print('prepare', name, kw)
        return {'prepared': True}

class A(metaclass=M, flag=1):
    x = 1
    def __init__(self, v):
        self.v = v
    def __init_subclass__(cls, **kw):
        print('init_subclass', cls.__name__, kw)

class B(A, flag=2):
    pass

print(type(A), type(B), A, B, repr(A), str(B), A.tag, B.tag, A.prepared)
a = A(5)
print(a.v, type(a).__name__, isinstance(a, A), isinstance(A, M), isinstance(A, type), A.hello(), B.prop)
print(len(A), list(A), 'in' in A, 'out' in B, A[21], type(type(A)))
X = M('X', (), {'y': 2})
print(X, X.y, type(X))
Y = type('Y', (object,), {'z': 3})
print(Y, Y.z, type(Y))
class Meta2(type):
    def __instancecheck__(cls, obj):
        return obj == 'magic'
    def __subclasscheck__(cls, sub):
        return sub is int
class Check(metaclass=Meta2):
    pass
print(isinstance('magic', Check), isinstance(1, Check), issubclass(int, Check), issubclass(str, Check))
class Single(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class S(metaclass=Single):
    def __init__(self):
        print('S init')
print(S() is S())
class Other(type): pass
try:
    class Bad(A, metaclass=Other): pass
except TypeError as e:
    print(e)
class Reg(type):
    registry = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Reg.registry.append(name)
class P(metaclass=Reg): pass
class Q(P): pass
print(Reg.registry, type(Q).__name__, Q.__class__)
class WithSuper(metaclass=Reg):
    def m(self):
        return super().__repr__()[:10]
print(WithSuper().m())


class Counted(type):
    count = 0

    def __call__(cls, *args, **kwargs):
        Counted.count += 1
        return super().__call__(*args, **kwargs)


class Point(metaclass=Counted):
    def __init__(self, x, y=0):
        self.x, self.y = x, y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


pts = [Point(i, y=i * i) for i in range(5)]
print(pts, Counted.count, type(Point).__name__, Point.__class__.__name__)


class Gen(type):
    def __class_getitem__(cls, item):
        return 'class_getitem ' + str(item)


class UsesGeneric:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)


print(UsesGeneric[int], Gen[3])
Z = type('Z', (Point,), {'extra': 1})
print(type(Z).__name__, Z(7).extra, Counted.count)
Point(1, 2, 3)
