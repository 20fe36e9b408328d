# Constructors: int float str bool list tuple dict set with various inputs.
print(int(), float(), str(), bool(), list(), tuple(), dict(), set())
print(int("12"), int(12.9), int(True), int("  -3 "), int("0b11", 2), int("z", 36), int(-0.9))
print(float("1.5"), float(2), float("-inf"), float(" 1e-3 "), float("nan") != float("nan"), float(".5"), float("5."))
print(str(1.0), str([None]), str((1,)), str({1: "a"}), str(range(2)), str(-0))
print(bool(0), bool(""), bool("0"), bool([None]), bool(0.0), bool(-0.0), bool(1j if False else 1))
print(list("abc"), list((1, 2)), list({1: 2, 3: 4}), list(range(2, 5)), list(x for x in "xy"), list(map(abs, [-1])))
print(tuple("ab"), tuple([1, [2]]), tuple({"k": 0}), tuple(range(3)))
print(dict(a=1), dict([(1, 2), (3, 4)]), dict({"x": 1}), dict(zip("ab", "cd")), dict([["k", "v"]]), dict({"a": 1}, b=2))
print(sorted(set("hello")), set([1, 1, 2]), set(range(3)), set({"k": 1}), set(), len(set((1, 1.0, True))))
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
try:
    dict([1])
except TypeError as e:
    print("TypeError:", e)
try:
    float("1,5")
except ValueError as e:
    print("ValueError:", e)
try:
    list(1)
except TypeError as e:
    print("TypeError:", e)
l = [1, 2]
l2 = list(l)
l2.append(3)
print(l, l2, list(l) is l, tuple(t := (1, 2)) is t)
d = {"a": [1]}
d2 = dict(d)
d2["a"].append(2)
d2["b"] = 0
print(d, d2)
print(int("١٢٣") if False else int("123"), float("1_000.5"), int("1__0") if False else "skip")
print(str(12345678901234567890), int(str(2 ** 100)) == 2 ** 100, float(2 ** 100))
