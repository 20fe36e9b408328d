# repr/str of nested containers, recursive structures.
print([1, "a", 2.5, None, True, [2, ["x"]], (3,), {"k": [1]}, {5}])
print(str([1, "a"]), repr([1, "a"]), str(("s",)), repr({"a": "b"}))
print(["quote's", 'dq"', "both'\"", "nl\n", "tab\t", "back\\"])
print({"key": ("t", ["l", {"d": None}])})
a = [1, 2]
a.append(a)
print(a, repr(a), str(a))
b = {"self": None}
b["self"] = b
print(b)
c = [[]]
c[0].append(c)
print(c)
d = [a, a]
print(d)
e = (1, [2])
e[1].append(e)
print(e)
print([[], [[]], [(), {}]], [set()], (set(), frozenset()), [frozenset([1])])
print(repr(""), repr("'"), repr('"'), repr("a'b\"c"), [""], (None,))
print([1.0, -0.0, 1e100, float("inf"), float("nan")])
print({1: {2: {3: {}}}}, [[[[]]]], ((((),),),))
print(repr(range(3)), [range(1, 2)], repr(slice(1, 2)), [slice(None)])
print(str(3), repr(3), str("x"), repr("x"), str(None), repr(None), str(print)[:18])
print(type(1), type("s"), type([]), type(()), type({}), type(set()), type(None), type(1.0), type(True), type(range(1)))
print(int, str, list, dict, object, type, Exception, ValueError)
