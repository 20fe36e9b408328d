# Special methods that are callable objects rather than functions are called without
# the instance (no __get__); functions, built-ins and methods have __call__.
class CallableObj:
    def __init__(self, tag): self.tag = tag
    def __call__(self, *args):
        return (self.tag, len(args))
class C:
    pass
C.__getitem__ = CallableObj("getitem")
C.__len__ = CallableObj("len")
C.__call__ = CallableObj("call")
C.__eq__ = CallableObj("eq")
C.__iter__ = CallableObj("iter")
C.__str__ = CallableObj("str")
C.__add__ = CallableObj("add")
C.__contains__ = CallableObj("contains")
C.__enter__ = CallableObj("enter")
C.__exit__ = CallableObj("exit")
c = C()
print(c["k"], c(1, 2), c == 1, c + 1, 1 in c)
try:
    print(len(c))
except TypeError as e:
    print("TE", e)
try:
    str(c)
except TypeError as e:
    print("TE", e)
with c as v:
    print("with", v)
class D:
    __getitem__ = CallableObj("classbody")
    __bool__ = CallableObj("bool")
print(D()[0])
try:
    bool(D())
except TypeError as e:
    print("TE", e)

f = lambda a: a
print(getattr(f, "__call__", None) is not None, hasattr(f, "__call__"), f.__call__(3))
def g(): pass
print(hasattr(g, "__call__"), hasattr(len, "__call__"), hasattr(int, "__call__"), hasattr(print, "__call__"), hasattr("a".upper, "__call__"), hasattr(str.upper, "__call__"))
class A:
  def m(self): pass
print(hasattr(A().m, "__call__"), hasattr(A(), "__call__"), hasattr(A, "__call__"), A().m.__call__())
def kw(a, *, b=2): return (a, b)
print(kw.__call__(1, b=5), len.__call__([1]), "x".upper.__call__(), A().m.__call__(), max.__call__(1, 2, key=lambda v: -v))
class Bindable:
    def __get__(self, obj, cls):
        return lambda *a: ("bound to", type(obj).__name__, a)
class E:
    __getitem__ = Bindable()
    __len__ = staticmethod(lambda: 3)
print(E()[5])
try:
    print(len(E()))
except TypeError as e:
    print("TE", e)
print(callable(kw.__call__), kw.__call__.__self__ is kw if hasattr(kw.__call__, "__self__") else "")
