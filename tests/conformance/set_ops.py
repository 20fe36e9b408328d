# sets: methods and operators (small ints print deterministically).
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b), a.union([7], (8,)))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a, a.issubset(range(10)), a.issuperset([1, 2]))
print(a.isdisjoint(b), a.isdisjoint({9}), {1, 2} == {2, 1}, {1} != {1, 2})
s = set()
s.add(3); s.add(1); s.add(3)
print(s, len(s))
s.discard(3); s.discard(100)
print(s)
s.update([5, 6], {7})
print(s)
s.remove(5)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
p = {10}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print("KeyError:", e)
c = {1, 2, 3}
c |= {4}; print(c)
c &= {2, 3, 4, 5}; print(c)
c -= {2}; print(c)
c ^= {3, 9}; print(c)
c.intersection_update({4, 9, 10}); print(c)
c.difference_update({9}); print(c)
c.symmetric_difference_update({1, 4}); print(c)
print(set(), {0}, set([3, 3, 1]), set(range(5)), set("aab") == {"a", "b"}, len(set("mississippi")))
names = {"pear", "apple", "fig", "kiwi"}
print(sorted(names), sorted(names & {"fig", "lime"}), sorted(names - {"apple"}))
print({x % 3 for x in range(10)}, {(i, i) for i in range(2)} == {(0, 0), (1, 1)})
f = frozenset([1, 2])
print(f, f | {3}, {f: "frozen"}[frozenset({2, 1})], frozenset() == set())
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
print(sorted({3, -1, 2}), min({4, 2}), max({4, 2}), sum({1, 2, 3}), 2 in {1, 2})
print(set([1, 2]) == frozenset([1, 2]), {1, 2, 3} - {1} - {2}, {1} | {2} & {2, 3})
