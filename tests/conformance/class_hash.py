# __hash__ and __eq__: objects as dict keys and set members.
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, o):
        return isinstance(o, Key) and (self.a, self.b) == (o.a, o.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return f"Key({self.a}, {self.b})"
d = {Key(1, 2): "x"}
print(d[Key(1, 2)], Key(1, 2) in d, Key(2, 1) in d)
d[Key(1, 2)] = "y"
print(d, len(d))
s = {Key(1, 1), Key(1, 1), Key(2, 2)}
print(len(s), Key(2, 2) in s, sorted(s, key=lambda k: k.a))
class EqNoHash:
    def __eq__(self, o):
        return True
try:
    {EqNoHash()}
except TypeError as e:
    print("TypeError:", e)
print(EqNoHash.__hash__ is None)
class Ident:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Ident({self.n})"
i1, i2 = Ident(1), Ident(1)
print(len({i1, i2, i1}), {i1: 1}.get(i2), {i1: 1}.get(i1), hash(i1) == hash(i1))
class ConstHash:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 7
    def __eq__(self, o):
        return self.v == o.v
    def __repr__(self):
        return f"C{self.v}"
cs = {}
for v in range(5):
    cs[ConstHash(v)] = v * v
print(cs, cs[ConstHash(3)], len(cs))
class NegHash:
    def __hash__(self):
        return -1
print(hash(NegHash()), hash(-1), hash(-2), hash(1), hash(0), hash(True), hash((1, 2)) == hash((1, 2)))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61 - 1)), hash(10 ** 30), hash(-(10 ** 30)))
print(hash(1.0) == hash(1), hash(0.5), hash(2 ** 61 + 5) == hash(5), hash(float(2 ** 61)) == hash(1))
class BadHash:
    def __hash__(self):
        return "not int"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
class Sub(Key):
    pass
print(Sub(1, 2) == Key(1, 2), hash(Sub(1, 2)) == hash(Key(1, 2)), {Key(1, 2): "base"}[Sub(1, 2)])
class SubEq(Key):
    def __eq__(self, o):
        return False
try:
    hash(SubEq(1, 2))
except TypeError as e:
    print("TypeError:", e)
for unh in ([], {}, set()):
    try:
        hash(unh)
    except TypeError as e:
        print("TypeError:", e)
