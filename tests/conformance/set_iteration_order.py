# Set iteration order as CPython 3.11 lays out its tables: constant set displays
# (a frozenset constant merged into a new set), copies and merges (set(s), copy,
# |, &, -, ^, update, {*s}, set(dict)), for/in over constant displays, dummies.
print({10, 20, 30, 40, 50})
x = 10
print({x, 20, 30, 40, 50})
print(set([10, 20, 30, 40, 50]))
print({*[10, 20, 30, 40, 50]})
print(frozenset({10, 20, 30, 40, 50}))
print({10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110})
print({'a', 'b'} if False else '', {1.5, 2.5, 3.5, 4.5, 5.5})
for v in [10, 20, 30, 40, 50, 60]:
    pass
print(set(range(10, 70, 10)), {i for i in range(10, 70, 10)})
s = {10, 20, 30, 40, 50}; s.add(60); print(s)
print(10 in {10, 20, 30, 40, 50}, [n for n in (1, 2) if n in {10, 20, 30, 40, 50}])
s = set(range(10, 60, 10))
print(s, set(s), s.copy(), frozenset(s), s | set(), set() | s, s | {1}, {*s}, s - {10}, s & s)
t = set(); t.update(s); print(t)
u = set(); u |= s; print(u)
print(set([10, 20, 30, 40, 50]), set((10, 20, 30, 40, 50)), set(x for x in (10, 20, 30, 40, 50)))
d = dict.fromkeys(s); print(d, set(d), set(d.keys()))
print({10, 20, 30, 40, 50}, {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110})
print({-5, -1, 3}, {1, 2, 3}, {'a'} if False else '', {100, 200, 300, 400, 500, 600}, {-1, -2, -3, -4, -5, -6, -7, -8, -9})
print({0.5, 1.5, 2.5, 3.5, 4.5, 5.5}, {(1, 2), (3, 4), (5, 6)}, {True, False, None} if False else '', {2**40, 2**50, 2**60, 3, 7})
s = {10, 20, 30, 40, 50}
s.add(60); s.discard(10); print(s, s | {70}, s & {20, 60, 99}, s - {20}, s ^ {20, 99})
for x in {31, 63, 95, 127, 159}: print(x, end=' ')
print()
print(sorted({5, 1, 3}), list({8, 16, 24, 32, 40, 48}), [x for x in {33, 65, 97, 1, 2}], tuple({-100, 100, 0, 50, -50}))
print(frozenset({7, 15, 23, 31, 39}), set(frozenset({7, 15, 23, 31, 39})), {*{7, 15, 23, 31, 39}})
print(max({3, 1, 2}), sum({1, 2, 3}), len({1, 1, 2}), {1, 2, 3} == {3, 2, 1}, 2 in {1, 2, 3})
print([x for x in {31, 63, 95, 127, 159}], list(x * 2 for x in {31, 63, 95, 127, 159}), {x: 1 for x in {31, 63, 95, 127, 159}})
print([(a, b) for a in (1, 2) for b in {31, 63, 95, 127, 159}][:5], 63 in {31, 63, 95, 127, 159})
def f(x):
    return x in {1, 2, 3}, x not in {10, 20, 30, 40, 50}, 0 < x in {5, 6, 7}
print([f(v) for v in (1, 5, 20, 99)])
if 3 in {1, 2, 3}: print('yes')
s = {5, 3, 100, 17, 1 << 40, -1, 0}
print(s, set(range(20, 0, -3)), {1.5, 2.5, 0.5}, {(1, 2), (0, 1)}, frozenset([9, 8, 7]))
s.discard(3); s.add(33); s.add(64); print(s, s.pop(), s)
d = {i: i for i in range(10)}
for i in range(0, 10, 2): del d[i]
d[0] = 'new'; print(d, list(d.keys())[:3])
a = set(range(10)); b = set(range(5, 15)); print(a & b, a | b, a - b, a ^ b, a <= b, {1, 2} < {1, 2, 3})
x = set(); [x.add(i * 37 % 101) for i in range(30)]; print(x)
print({1: 'a', 2: 'b'} | {2: 'c'}, dict(sorted({3: 1, 1: 2}.items())), {k: v for k, v in zip('abc', range(3))})
print(list({10: 1, 5: 2, 7: 3}), list(set([10, 5, 7, 1000, 6])), list(frozenset({-5, -1, 3})))
