# __call__ binds like any attribute (staticmethod, classmethod, a class, a callable
# instance), and unbound built-in methods called without a receiver raise TypeError.
class A:
    __call__ = staticmethod(lambda x: x * 2)
class B:
    @classmethod
    def __call__(cls, x): return (cls.__name__, x)
class Meta(type):
    __call__ = dict
class D(metaclass=Meta): pass
class Meta2(type):
    @staticmethod
    def __call__(*a): return ('static', a)
class E(metaclass=Meta2): pass
class CallableObj:
    def __init__(self, tag): self.tag = tag
    def __call__(self, *a): return (self.tag, a)
class F:
    __call__ = CallableObj('inner')
print(A()(4), B()(5), D(a=1), type(D(a=1)).__name__, E(1, 2), F()(3))
for t, n in [(dict, 'keys'), (str, 'upper'), (set, 'union'), (list, 'append'), (float, 'is_integer'), (type, 'mro')]:
    try:
        getattr(t, n)()
    except TypeError as e:
        print(e)
print(str.maketrans('a', 'b'), dict.keys({1: 2}), str.upper('x'))
