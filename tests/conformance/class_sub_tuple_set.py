# Subclassing tuple and set (and frozenset).
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
    def swap(self):
        return Pair(self[1], self[0])
p = Pair(1, 2)
print(p, p.first, p.swap(), len(p), p == (1, 2), type(p).__name__, isinstance(p, tuple))
a, b = p
print(a, b, p + (3,), type(p + (3,)).__name__, p[::-1], hash(p) == hash((1, 2)), {p: 1}[(1, 2)])
print(sorted([Pair(2, 1), Pair(1, 5)]), max(p), p.count(1), p.index(2), 2 in p)
class Tags(set):
    def add_all(self, *items):
        for i in items:
            self.add(i)
        return self
t = Tags(["b"])
t.add_all("a", "c")
print(sorted(t), len(t), "a" in t, isinstance(t, set), type(t).__name__, sorted(t | {"z"}))
t.discard("b")
print(sorted(t), t == {"a", "c"}, sorted(t & {"a"}), bool(Tags()))
try:
    hash(t)
except TypeError as e:
    print("TypeError:", e)
class Frozen(frozenset):
    pass
f = Frozen([3, 1])
print(sorted(f), f == frozenset({1, 3}), len({f, frozenset({1, 3})}), type(f).__name__)
class Empty(tuple): pass
print(Empty(), Empty("ab"), repr(Empty([1])))
