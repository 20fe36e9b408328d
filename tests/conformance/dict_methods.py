# dict methods and insertion order.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), d["c"], "a" in d, "z" not in d, 10 in d)
print(d.setdefault("a", 99), d.setdefault("n", []), d)
d["n"].append(1)
print(d)
print(d.pop("n"), d.pop("zz", "default"), d)
print(d.popitem(), d)
d.update({"x": 1, "b": 0})
d.update([("y", 2)], z=3)
d.update(w=4)
print(d)
e = d.copy()
e["x"] = "changed"
print(d["x"], e["x"])
e.clear()
print(e, len(e))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
print(dict(a=1, b=2), dict([("k", "v")]), dict({"q": 1}, r=2), dict(zip("xy", [1, 2])))
del d["x"]
print(d)
d["x"] = "back"
print(d, list(d)[-1])
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
try:
    del d["gone"]
except KeyError as e:
    print("KeyError:", e)
print({1: "a", 1.0: "b", True: "c"})
print({(1, 2): "tuple", None: "none", -1: "neg", 2 ** 70: "big"})
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 1.0})
print({"a": 1} | {"b": 2, "a": 3}, {**{"a": 1}, "b": 2, **{"a": 9}})
f = {"a": 1}
f |= {"c": 5}
print(f)
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items()), max({"b": 1, "a": 2}))
