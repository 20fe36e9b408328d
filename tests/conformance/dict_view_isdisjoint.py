# dict_keys / dict_items set methods: isdisjoint with any iterable.
d = {"a": 1, "b": 2}
k, it = d.keys(), d.items()
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]), k.isdisjoint(""), k.isdisjoint(iter("zb")))
print(it.isdisjoint([("a", 1)]), it.isdisjoint([("a", 2)]), it.isdisjoint({}.items()))
print({}.keys().isdisjoint(d), d.keys().isdisjoint({"c": 0}.keys()))
try:
    k.isdisjoint(5)
except TypeError as e:
    print("TypeError", e)
try:
    d.values().isdisjoint([1])
except AttributeError as e:
    print("AttributeError", e)
try:
    it.isdisjoint([[1]])
except TypeError as e:
    print("TypeError", e)
