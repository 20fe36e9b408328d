# A NaN hashes by identity (CPython 3.10+): the same NaN object is found again in a
# dict or set, a different NaN is not, and its hash is not the hash of 0.
n = float('nan')
m = float('nan')
print(hash(n) == hash(n), hash(n) == hash(m), hash(n) == hash(0.0), hash(n) == hash(0))
print(hash(-0.0) == hash(0), hash(float('inf')), hash(float('-inf')))
d = {n: 1, m: 2}
print(len(d), d[n], d[m], n in d, float('nan') in d)
s = {n, n, m}
print(len(s), n in s)
vals = [-7, -0.0, n, 10**20]
for a in vals:
    print([hash(a) == hash(b) for b in vals])
counts = {}
for x in [n, n, m, 1.5, 1.5]:
    counts[x] = counts.get(x, 0) + 1
print(sorted(counts.values()))
