# dict: order after deletes/reinserts, update semantics, keys of mixed types, nested mutation.
d = {}
for k in ["c", "a", "b"]:
    d[k] = len(d)
print(d)
del d["a"]
d["a"] = 99
print(d, list(d))
d["c"] = -1
print(d)
d.update(b=0, z=5)
print(d)
d2 = {1: "int", "1": "str", (1,): "tuple", None: "none", 1.5: "float", True: "bool overwrites int"}
print(d2, len(d2))
print(d2[1], d2[1.0], d2[True])
m = {"list": [], "dict": {}}
m["list"].append(1)
m["dict"]["k"] = m["list"]
m["list"].append(2)
print(m)
alias = m
alias["new"] = "via alias"
print(list(m))
copy = dict(m)
copy["list"].append(3)
copy["only_copy"] = 1
print(m["list"], "only_copy" in m, len(copy), len(m))
inv = {}
for k, v in {"a": 1, "b": 2, "c": 1}.items():
    inv.setdefault(v, []).append(k)
print(inv)
grid = {(x, y): x * y for x in range(3) for y in range(3)}
print(grid[(2, 2)], grid[2, 1], sum(grid.values()), max(grid, key=grid.get), sorted(grid)[:4])
counts = dict.fromkeys("abc", 0)
for ch in "abcabca":
    counts[ch] += 1
print(counts)
shared = dict.fromkeys(["x", "y"], [])
shared["x"].append(1)
print(shared)
order = {}
for i in [5, 3, 9, 3, 5, 1]:
    order[i] = order.get(i, 0) + 1
print(order, list(order.keys()), next(iter(order)))
e = {"k": 1}
print(e.pop("k"), e, e.setdefault("k"), e)
print({**{"a": 1, "b": 2}, "a": 3}, dict({"a": 1, "b": 2}, a=3))
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], big[999], sum(big) )
