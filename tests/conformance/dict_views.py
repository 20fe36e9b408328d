# dict views, iteration, comprehension, mutation during iteration.
d = {"one": 1, "two": 2, "three": 3}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it)
d["four"] = 4
print(len(k), list(v), list(it)[-1])
print("one" in k, 4 in v, ("two", 2) in it, ("two", 3) in it)
print(k & {"one", "five"}, sorted(k | {"zero"}), sorted(k - {"one"}), sorted(k ^ {"one", "six"}))
for key in d:
    print(key, d[key], end="; ")
print()
for key, val in d.items():
    print(f"{key}={val}", end=" ")
print()
sq = {x: x * x for x in range(6)}
print(sq)
print({k: v for k, v in sq.items() if v % 2 == 0})
print({v: k for k, v in d.items()})
print({c: i for i, c in enumerate("hello")})
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
for key in list(d):
    if key.startswith("new"):
        del d[key]
print(d)
print(list(reversed(d)), list(reversed(d.values())))
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = {"a": {"b": {"c": 1}}, "l": [1, {"x": None}]}
print(nested, nested["a"]["b"]["c"], nested["l"][1]["x"])
print(dict(sorted(d.items(), key=lambda kv: kv[1], reverse=True)))
print(list(zip(d.keys(), d.values())) == list(d.items()))
ks = list(d)
d.pop("one"); d["one"] = 1
print(list(d), ks)
