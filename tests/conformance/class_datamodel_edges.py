# Corners of the data model: != falls back to the reflected operand's __eq__,
# __iter__ = None, huge __len__, a property's AttributeError goes to __getattr__.
class E2:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("eq", self.v, getattr(o, 'v', o))
        return NotImplemented

print(E2(1) == E2(2))
print(E2(1) != E2(2))
print(E2(3) != 3, 3 != E2(4))
x = E2(5)
print(x != x, x == x)


class Half:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        if isinstance(o, Half): return self.v == o.v
        return NotImplemented

class Other:
    def __eq__(self, o):
        print("Other.eq")
        return isinstance(o, Half)

print(Half(1) != Half(1), Half(1) != Half(2), Half(1) != Other(), Other() != Half(1))


class NoIter:
    __iter__ = None
    def __getitem__(self, i): return i

for make in [lambda: iter(NoIter()), lambda: list(NoIter()), lambda: [a for a in NoIter()]]:
    try:
        make()
    except TypeError as e:
        print(e)


class BigLen:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n

for n in [2 ** 70, -2 ** 70, -1, 3]:
    try:
        print(len(BigLen(n)))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    bool(BigLen(2 ** 80))
except OverflowError as e:
    print("OverflowError", e)


class Lazy:
    @property
    def ready(self):
        raise AttributeError("not ready")
    @property
    def broken(self):
        raise ValueError("broken")
    def __getattr__(self, name):
        return "fallback " + name

lz = Lazy()
print(lz.ready, lz.other)
try:
    lz.broken
except ValueError as e:
    print("ValueError", e)
print(getattr(lz, "ready"), hasattr(lz, "ready"))


def loop():
    out = None
    for _ in range(2000):
        out = lz.ready
    return out

print(loop())


class NoFallback:
    @property
    def ready(self):
        raise AttributeError("not ready")

try:
    NoFallback().ready
except AttributeError as e:
    print("AttributeError", e)
print(getattr(NoFallback(), "ready", "dflt"))
