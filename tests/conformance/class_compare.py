# Rich comparisons, NotImplemented fallback, reflected comparisons.
VERBOSE = True
class V:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"V({self.v})"
    def __eq__(self, other):
        if VERBOSE: print(f"  V.__eq__({self.v}, {other!r})")
        if isinstance(other, V):
            return self.v == other.v
        return NotImplemented
    def __lt__(self, other):
        if VERBOSE: print(f"  V.__lt__({self.v}, {other!r})")
        if isinstance(other, V):
            return self.v < other.v
        if isinstance(other, int):
            return self.v < other
        return NotImplemented
    def __le__(self, other):
        return self.v <= other.v
a, b = V(1), V(2)
print(a == b, a == V(1), a != b)
print(a < b, b < a, a <= b, a < 5)
print(a > b)
print(5 > a)
print(a == 1)
print(1 == a)
print(a != "x")
try:
    print(a >= b)
except TypeError as e:
    print("TypeError:", e)
try:
    print(a < "str")
except TypeError as e:
    print("TypeError:", e)
VERBOSE = False  # the comparison sequence of sort is an implementation detail
print(sorted([V(3), V(1), V(2)]), sorted([V(i % 7) for i in range(20)]))
print(max([V(3), V(1), V(2)]), min(V(5), V(4)))
class Plain:
    pass
p1, p2 = Plain(), Plain()
print(p1 == p1, p1 == p2, p1 != p2)
try:
    p1 < p2
except TypeError as e:
    print("TypeError:", e)
class Ver:
    def __init__(self, s):
        self.parts = tuple(int(x) for x in s.split("."))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __repr__(self):
        return "Ver(" + ".".join(map(str, self.parts)) + ")"
vs = [Ver("1.10"), Ver("1.2"), Ver("1.2.1"), Ver("0.9")]
print(sorted(vs), sorted(vs, reverse=True), Ver("1.0") < Ver("1.0.0"), Ver("2") > Ver("10"))
VERBOSE = True
print(V(1) in [V(0), V(1)])
class AlwaysEq:
    def __eq__(self, other):
        return True
print(AlwaysEq() == 3, 3 == AlwaysEq(), [1, 2].count(AlwaysEq()) if False else [AlwaysEq()].count(7), AlwaysEq() != 3)
class NeOnly:
    def __eq__(self, other):
        return "custom-eq"
print(NeOnly() == 1, NeOnly() != 1)
