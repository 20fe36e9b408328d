# list.sort / sorted compare as CPython's timsort does: the same __lt__ calls in
# the same order, the list left as the sort had reached when a comparison
# raises, and a permutation even when __lt__ is inconsistent.
import functools
import random

log = []


class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        log.append((self.v, o.v))
        return self.v < o.v

    def __repr__(self):
        return f'K{self.v}'


def digest(pairs):
    h = 0
    for a, b in pairs:
        h = (h * 1000003 + a * 7919 + b) % 2147483647
    return h


rng = random.Random(5)
for n in [0, 1, 2, 3, 5, 10, 40, 64, 65, 100, 300, 1000]:
    for mode in range(4):
        if mode == 0:
            vals = [rng.randrange(1000) for _ in range(n)]
        elif mode == 1:
            vals = [rng.randrange(3) for _ in range(n)]
        elif mode == 2:
            vals = sorted(rng.randrange(100) for _ in range(n))
        else:
            vals = [i if i % 50 < 40 else -i for i in range(n)]
        log.clear()
        s = sorted([K(v) for v in vals])
        first = log[:6]
        d1 = (len(log), digest(log))
        log.clear()
        r = sorted([K(v) for v in vals], reverse=True)
        print(n, mode, d1, (len(log), digest(log)), [k.v for k in s] == sorted(vals),
              [k.v for k in r] == sorted(vals, reverse=True))
        if n <= 10:
            print('  ', first)

print(sorted([K(3), K(1), K(2)]))
l = [3, 1, 'a', 2]
try:
    l.sort()
except TypeError as e:
    print(e, l)
l = [5, 4, 3, 2, 1, 0, 'x', 9, 8]
try:
    l.sort()
except TypeError as e:
    print(e, l)
l = list(range(100, 0, -1)) + ['z'] + list(range(50))
try:
    l.sort()
except TypeError as e:
    print(e, l[:10], l[-10:])
l = [3, 2, 1, 0]


def key(x):
    if x == 1:
        raise ValueError('bad key')
    return x


try:
    l.sort(key=key)
except ValueError as e:
    print(e, l)


def bad(a, b):
    return rng.choice([-1, 0, 1])


x = list(range(200))
x.sort(key=functools.cmp_to_key(bad))
print(sorted(x) == list(range(200)))
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]
print(sorted(pairs, key=lambda p: p[0], reverse=True), sorted(pairs, key=lambda p: p[0]))
print(sorted([2.5, -1.0, float('inf'), 0.0, -0.0]), sorted(['b', 'A', 'é', 'a', '']))
words = 'the quick brown fox jumps over the lazy dog'.split()
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
