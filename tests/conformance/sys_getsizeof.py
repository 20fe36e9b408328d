# sys.getsizeof follows CPython 3.11's 64-bit object sizes for the common types.
import sys

for v in [0, 1, 2**30, 2**60, -5, 2**100, True, None, 1.5, 1j, "", "a", "abc",
          "\u00e9", "\u20ac", "\U0001f600" * 2, b"", b"ab", bytearray(), (), (1,),
          (1, 2, 3), [], {}, {"a": 1}, {1: 2}, set(), {1}, frozenset(), range(5),
          slice(1, 2), Ellipsis]:
    print(repr(v), sys.getsizeof(v), v.__sizeof__())

grow = []
sizes = []
for i in range(20):
    grow.append(i)
    sizes.append(sys.getsizeof(grow))
print(sizes)
d = {}
sizes = []
for i in range(25):
    d[str(i)] = i
    sizes.append(sys.getsizeof(d))
print(sizes)
d = {}
sizes = []
for i in range(25):
    d[i] = i
    sizes.append(sys.getsizeof(d))
print(sizes)
s = set()
sizes = []
for i in range(40):
    s.add(i)
    sizes.append(sys.getsizeof(s))
print(sizes)


class Plain:
    def __init__(self):
        self.x = 1
        self.y = 2


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 1
        self.y = 2


class Mixed(Plain):
    __slots__ = ("z",)


print(sys.getsizeof(object()), sys.getsizeof(Plain()), sys.getsizeof(Slotted()), sys.getsizeof(Mixed()))
print(Plain().__sizeof__(), Slotted().__sizeof__(), Mixed().__sizeof__())
print(sys.getsizeof(Slotted()) < sys.getsizeof(Plain()) + sys.getsizeof(Plain().__dict__))


class Custom:
    def __sizeof__(self):
        return 100


class Negative:
    def __sizeof__(self):
        return -1


class NotInt:
    def __sizeof__(self):
        return "x"


print(sys.getsizeof(Custom()))
try:
    sys.getsizeof(Negative())
except ValueError as e:
    print("ValueError", e)
try:
    sys.getsizeof(NotInt())
except TypeError as e:
    print("TypeError", e)
print(sys.getsizeof(NotInt(), 7), sys.getsizeof(1, default=3), sys.getsizeof(Negative.__name__, -1))
try:
    sys.getsizeof()
except TypeError as e:
    print("TypeError", e)
