# Subclassing int and float: arithmetic gives plain values, __new__, overrides.
class Money(int):
    def __repr__(self):
        return f"${int(self)}"
m = Money(5)
print(m, repr(m), m + 1, type(m + 1).__name__, m * 2, -m, abs(Money(-3)), m == 5, m < 6)
print(isinstance(m, int), hash(m) == hash(5), {m: "five"}[5], bin(m), hex(m), oct(m))
print([10, 20, 30, 40, 50, 60][m], list(range(m)), "ab" * Money(2), divmod(m, 2), m ** 2)
print(f"{m:04d}", "%d" % m, str(m), int(m), float(m), round(Money(7), -1))
class Even(int):
    def __new__(cls, v):
        if v % 2:
            raise ValueError(f"{v} is odd")
        return super().__new__(cls, v)
    def half(self):
        return self // 2
print(Even(8), Even(8).half(), type(Even(8)).__name__)
try:
    Even(3)
except ValueError as e:
    print("ValueError:", e)
class Add(int):
    def __add__(self, other):
        return Add(int(self) + int(other) + 1000)
    __radd__ = __add__
print(Add(1) + 2, 2 + Add(1), type(Add(1) + 2).__name__, sum([Add(1), Add(2)]))
class Celsius(float):
    def to_f(self):
        return self * 9 / 5 + 32
c = Celsius(36.6)
print(c, c.to_f(), type(c.to_f()).__name__, round(c), c.is_integer(), isinstance(c, float), c > 30)
print(Celsius("2.5"), Celsius(), Money(), Money("12"), Money("ff", 16))
class Flag(int):
    pass
print(bool(Flag(0)), bool(Flag(2)), Flag(3) & 1, Flag(1) << 3, ~Flag(0))
