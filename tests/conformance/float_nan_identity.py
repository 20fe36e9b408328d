# A NaN bound to a name is one object: identity decides containment, not ==.
import math

n = float("nan")
m = float("nan")
print(n == n, n != n, n is n, n is m, n in [n], n in [m], n in (1, n), m not in [n])
x = n
print(x is n, [n].count(n), [n, m, n].count(n), [m, n].index(n))
d = {n: 1}
d[m] = 2
print(len(d), d[n], d[m], n in d, float("nan") in d)
s = {n, n, m}
print(len(s), n in s, m in s)
l = [m, n]
l.remove(n)
print(len(l), l[0] is m)
print([n] == [n], (n,) == (n,), [n] == [m], {"k": n} == {"k": n})
inf = float("inf")
z = inf - inf
print(math.isnan(z), z is z, z in [z], z == z)
vals = [n, 1.0, n]
print(vals.count(n), sum(1 for v in vals if v is n))
print(math.isnan(n * 0), math.isnan(-n), repr(n), repr(-n), str(abs(-n)))
print(max(n, 1.0) is n, min([1.0, 2.0]), sorted([3.0, 1.0])[0])
