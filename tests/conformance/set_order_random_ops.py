# Set operations on random int sets print in CPython 3.11's order.
import random
r = random.Random(7)
def show(*a): print(*a)
for trial in range(40):
    a = set(r.sample(range(200), r.randrange(1, 30)))
    b = set(r.sample(range(200), r.randrange(1, 30)))
    show(a, b)
    show(a | b, a & b, a - b, b - a, a ^ b, b & a)
    c = set(a); c |= b; show(c)
    c = set(a); c -= b; show(c)
    c = set(a); c ^= b; show(c)
    c = set(a); c &= b; show(c)
    c = a.copy(); c.update(b, [1000, 1001]); show(c)
    c = set(a); [c.discard(x) for x in list(c)[:3]]; c.add(999); c.add(3); show(c)
    show(frozenset(a), set(frozenset(b)), {*a, *b}, set(dict.fromkeys(a)), a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
    show({10, 20, 30, 40, 50, 60, 70}, {x for x in a if x % 2}, set(sorted(a)), sorted(a) == sorted(set(list(a))))
