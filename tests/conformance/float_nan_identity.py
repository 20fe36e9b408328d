# NaN values are distinct objects: identity, containment, count/index/remove.
nan = float("nan")
other = float("nan")
print(nan is nan, nan is other, nan == nan, nan != nan)
print(nan in [nan], other in [nan], float("nan") in [nan], nan in (1, nan), nan not in [other])
print([nan].count(nan), [nan, other, nan].count(nan), (nan, other).count(other), [other, nan].index(nan), (other, nan).index(nan))
print([nan] == [nan], [nan] == [other], (nan,) == (nan,), [[nan]] == [[nan]])
s = {nan, nan, other}
print(len(s), nan in s, float("nan") in s, len({float("nan"), float("nan")}))
d = {nan: "a", other: "b"}
print(len(d), d[nan], d[other], d.get(float("nan"), "missing"))
l = [1, nan, 2]
l.remove(nan)
print(l, len([x for x in [nan, other] if x == x]))
y = nan
print(y is nan, max(nan, 1) is nan, sorted([nan])[0] is nan, [nan][0] is nan)
print(inf := float("inf"), inf - inf in [inf - inf])
try:
    [other].index(nan)
except ValueError as e:
    print("ValueError:", e)
[1.5].remove(nan)
