# tuples: construction, packing/unpacking, methods, immutability.
t = (1, 2, 3)
u = 4, 5
v = (6,)
w = ()
print(t, u, v, w, type(v).__name__, len(w), (1), (1,), tuple("ab"), tuple([1, 2]), tuple(range(3)))
a, b = u
print(a, b)
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(i, p, q)
print(t + u, t * 2, t[1:], t[::-1], t.index(2), t.count(3), 3 in t, t[-1])
print((1, 2, 2, 2).count(2), ("a", "b").index("b"))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 1
except TypeError as e:
    print("TypeError:", e)
nested = ((1, 2), [3, 4], (5, (6, 7)))
print(nested, nested[2][1][0], len(nested))
nested[1].append(99)
print(nested)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), {(1, 2): "pt"}[(1, 2)])
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
print(tuple(x * x for x in range(4)), sorted((3, 1, 2)), max((1, 9, 3)), sum((1, 2, 3)))
print(repr((1,)), str(("a", 1.5, None)), repr(((),)), ((1, 2),) * 2)
def mm(seq):
    return min(seq), max(seq)
lo, hi = mm([4, 8, 1])
print(lo, hi, mm("hello"))
