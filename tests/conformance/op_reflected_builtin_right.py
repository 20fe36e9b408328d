# Comparisons and arithmetic with a user object on one side and a built-in on
# the other: reflected methods, NotImplemented and the messages after them.
class R:
    def __gt__(self, o): return "R.gt(%r)" % (o,)
    def __lt__(self, o): return "R.lt(%r)" % (o,)
    def __eq__(self, o): return "R.eq(%r)" % (o,)
    def __ge__(self, o): return "R.ge"
    def __le__(self, o): return "R.le"
print(1 < R(), "a" < R(), [1] < R(), (1,) > R(), 1.5 <= R(), {1} >= R(), {1: 2} == R(), 1 == R(), "s" != R(), [1] == R(), None == R())
class SL(list):
    def __eq__(self, o): return "SL.eq"
    def __lt__(self, o): return "SL.lt"
print([1] == SL([1]), [1] > SL([1]), (1,) == SL(), SL() == [1])
class SI(int):
    def __lt__(self, o): return "SI.lt"
print(5 > SI(3), SI(3) < 5, 5 < SI(3))
import fractions
print(1 < fractions.Fraction(3, 2), fractions.Fraction(1, 2) == 0.5, 0.5 == fractions.Fraction(1, 2))
class Vec:
    def __init__(self, *c): self.c = c
    def __mul__(self, k): return Vec(*(x * k for x in self.c)) if isinstance(k, (int, float)) else NotImplemented
    __rmul__ = __mul__
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __repr__(self): return "Vec%r" % (self.c,)
    def __truediv__(self, k): return Vec(*(x / k for x in self.c))
    def __rtruediv__(self, k): return "rtruediv"
    def __floordiv__(self, k): return NotImplemented
    def __pow__(self, k, mod=None): return ("pow", k, mod)
    def __rpow__(self, k): return ("rpow", k)
    def __lshift__(self, k): return "lshift"
    def __rlshift__(self, k): return "rlshift"
    def __and__(self, o): return "and"
    def __rand__(self, o): return "rand"
    def __rxor__(self, o): return "rxor"
    def __rfloordiv__(self, o): return "rfloordiv"
    def __rmod__(self, o): return "rmod"
    def __rdivmod__(self, o): return "rdivmod"
v = Vec(1, 2)
print(v * 2, 2 * v, 2.5 * v, v @ Vec(3, 4), v / 2, 1 / v, v ** 2, pow(v, 2, 5), 2 ** v, v << 1, 1 << v, v & 1, 1 & v, True ^ v, 3 // v, "%s" % "a" if False else 5 % v, divmod(5, v))
try: v // 2
except TypeError as e: print(e)
try: "s" * v
except TypeError as e: print(e)
try: [1] * v
except TypeError as e: print(e)
try: v * "s"
except TypeError as e: print(e)
class MI(int):
    def __add__(self, o): return NotImplemented
    def __mul__(self, o): return NotImplemented
print(MI(2) + 3, MI(2) * "ab", MI(2) * [1], MI(3) + 1.5)
class ML(list):
    def __mul__(self, o): return NotImplemented
print(2 * ML([1]))
class U:
    def __add__(self, o): return NotImplemented
for other in [1, "s", [1], 1.5, (1,), None, {1}]:
    try: U() + other
    except TypeError as e: print(e)
