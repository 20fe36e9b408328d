# super() bound to a class returns descriptors unbound; other descriptors found
# through super() get __get__; isinstance of an exact type skips
# __instancecheck__; str() of a bad __repr__; `in` on a non-iterable instance.
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)


class Base:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, val): self._v = val


class Child(Base):
    @property
    def v(self): return super().v + 100
    @v.setter
    def v(self, val):
        print("Child setter", val)
        super(Child, type(self)).v.fset(self, val * 2)


c = Child()
c.v = 4
print(c.v, type(super(Child, Child).v).__name__)
attempt(lambda: Child.v.fdel(c))


class Desc:
    def __get__(self, obj, typ=None):
        return ("Desc.__get__", obj is None, typ.__name__)


class P:
    d = Desc()
    def who(self): return "P.who"


class Q(P):
    d = "shadow"
    def who(self): return "Q/" + super().who()
    def via_super(self): return super().d
    @classmethod
    def cls_super(cls): return super().d


print(Q().via_super(), Q.cls_super(), Q().who())


class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", type(inst).__name__)
        return inst == 42


class WM(metaclass=Meta):
    pass


w = WM()
print(isinstance(w, WM), isinstance(42, WM), isinstance("x", WM), isinstance(w, (int, WM)))


class BR:
    def __repr__(self): return 5


attempt(lambda: repr(BR()))
attempt(lambda: str(BR()))
attempt(lambda: "%s" % BR())
attempt(lambda: f"{BR()}")


class GoodRepr:
    def __repr__(self): return "GoodRepr()"


print(str(GoodRepr()), f"{GoodRepr()}", [GoodRepr()])


class Plain:
    pass


class Indexable:
    def __getitem__(self, i):
        if i > 2: raise IndexError(i)
        return i * 10


attempt(lambda: 1 in Plain())
attempt(lambda: 20 in Indexable())
attempt(lambda: 5 in Indexable())
attempt(lambda: iter(5, 1))
attempt(lambda: list(iter(iter([1, 2, 0, 3]).__next__, 0)))
attempt(lambda: list.append())
attempt(lambda: list.append([]))
