# super(): zero-argument, two-argument, in classmethods and properties.
class A:
    def f(self):
        return "A.f"
    @classmethod
    def make(cls):
        return "A.make:" + cls.__name__
    @property
    def p(self):
        return "A.p"
class B(A):
    def f(self):
        return "B.f>" + super().f()
    @classmethod
    def make(cls):
        return "B.make>" + super().make()
    @property
    def p(self):
        return "B.p>" + super().p
class C(B):
    def f(self):
        return "C.f>" + super(B, self).f()
c = C()
print(c.f(), C.make(), c.p, B().f(), super(C, c).f())
print(super(C, C).make(), isinstance(super(B, c), super))
class Base:
    def __init__(self, **kw):
        self.kw = kw
class Derived(Base):
    def __init__(self, a, **kw):
        super().__init__(**kw)
        self.a = a
d = Derived(1, x=2)
print(d.a, d.kw)
try:
    super(int, "x")
except TypeError as e:
    print("TypeError:", e)
class NoParent:
    def f(self):
        return super().f()
try:
    NoParent().f()
except AttributeError as e:
    print("AttributeError:", e)
class R:
    def __repr__(self):
        return "R<" + super().__repr__()[:3] + ">"
print(repr(R()))
