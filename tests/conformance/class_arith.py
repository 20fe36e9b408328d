# Arithmetic dunders: binary, reflected, in-place, unary.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        print("  __radd__ with", o)
        return self + o
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return Vec(self.y, self.x)
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, a * b, b / 2, b // 2, b % 3, a ** 2, -a, +a, abs(b), ~a)
print(a + 1, 1 + a)
print(sum([a, b, Vec(10, 10)]))
print(sum([a, b], Vec(0, 0)))
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" - a
except TypeError as e:
    print("TypeError:", e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        print("  __iadd__", x)
        self.items.append(x)
        return self
    def __repr__(self):
        return f"Acc({self.items})"
acc = Acc()
ref = acc
acc += 1
acc += "two"
print(acc, ref is acc)
c = Vec(1, 1)
orig = c
c += Vec(1, 1)
print(c, orig, c is orig)
c *= 5
print(c)
class Bits:
    def __init__(self, v):
        self.v = v
    def __and__(self, o): return Bits(self.v & o.v)
    def __or__(self, o): return Bits(self.v | o.v)
    def __xor__(self, o): return Bits(self.v ^ o.v)
    def __lshift__(self, n): return Bits(self.v << n)
    def __rshift__(self, n): return Bits(self.v >> n)
    def __rlshift__(self, n): return f"rlshift {n} << {self.v}"
    def __repr__(self): return f"Bits({bin(self.v)})"
x, y = Bits(0b1100), Bits(0b1010)
print(x & y, x | y, x ^ y, x << 2, x >> 2, 1 << x)
class RSub:
    def __rsub__(self, o):
        return f"rsub({o})"
    def __rtruediv__(self, o):
        return f"rtruediv({o})"
    def __rpow__(self, o):
        return f"rpow({o})"
    def __rmod__(self, o):
        return f"rmod({o})"
print(10 - RSub(), 1 / RSub(), 2 ** RSub(), 7 % RSub(), "fmt %s" % "x")
class Sub(Vec):
    def __radd__(self, o):
        return "Sub.__radd__ wins"
print(Vec(0, 0) + Sub(1, 1))
