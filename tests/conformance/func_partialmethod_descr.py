import functools
class Cell:
    def __init__(self): self.v = None
    def set(self, v, w=0): self.v = (v, w)
    set_one = functools.partialmethod(set, 1)
    set_kw = functools.partialmethod(set, w=5)
    @classmethod
    def make(cls, x): return (cls.__name__, x)
    make7 = functools.partialmethod(make, 7)
c = Cell(); c.set_one(); print(c.v); c.set_kw(3); print(c.v); Cell.set_one(c); print(c.v)
print(c.make7(), Cell.make7())
print(repr(Cell.__dict__["set_one"]).startswith("functools.partialmethod(<function"))
class A:
    def __init__(self): self._v = 1
    @classmethod
    def cm(cls): return cls.__name__
    @staticmethod
    def sm(x): return x * 2
    @property
    def v(self): return self._v
    @v.setter
    def v(self, val): self._v = val
    @v.deleter
    def v(self): del self._v
a = A()
cm, sm, pr = A.__dict__["cm"], A.__dict__["sm"], A.__dict__["v"]
print(hasattr(cm, "__get__"), hasattr(sm, "__get__"), hasattr(pr, "__get__"), hasattr(pr, "__set__"), hasattr(pr, "__delete__"))
print(cm.__get__(a)(), cm.__get__(None, A)(), sm.__get__(a)(4), sm.__get__(None, A)(5), pr.__get__(a), pr.__get__(None, A) is pr)
pr.__set__(a, 10); print(a.v); pr.__delete__(a); print(hasattr(a, "_v"))
bare = property()
for f in [lambda: bare.__get__(a), lambda: bare.__set__(a, 1), lambda: bare.__delete__(a)]:
    try:
        f()
    except AttributeError as e:
        print(e)
class Sub(A): pass
print(cm.__get__(Sub())(), cm.__get__(None, Sub)())
def is_descriptor(obj):
    return hasattr(obj, "__get__") or hasattr(obj, "__set__")
print([is_descriptor(x) for x in (cm, sm, pr, len, 1, lambda: 0)])
