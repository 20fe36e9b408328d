# abs, divmod, pow, round, sum, min, max on numbers.
print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-2 ** 70))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(0, 3))
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(2, 0.5), pow(0, 0), pow(7, 2, 5), pow(-7, 2, 5), pow(7, -1, 5), pow(2, 100, 1))
print(round(3.14159, 2), round(3.14159), round(-0.5), round(1.5), round(2.5), round(2.5, 0), round(-1.55, 1), round(1e-3, 5))
print(round(123, 1), round(123, -1), round(125, -1), round(135, -1), round(-125, -1), round(10 ** 20 + 5, -1))
print(sum([]), sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.5, 0.25]), sum(range(5), start=100), sum([[1], [2]], start=[0]))
print(min(3, 1, 2), max(3, 1, 2), min([5, 2, 8]), max("hello"), min("b", "a", "c"), max([1, 2.5, 2]), min(-0.0, 0.0), max(0.0, -0.0))
print(min([], default="empty"), max([], default=None), min([3, 1], default=0))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "banana"], key=len), max([-5, 3, -7], key=abs))
print(max([(1, "b"), (1, "a")]), max([1, 3, 3.0], key=lambda x: x), max([3.0, 3]), min([3, 3.0]))
print(max({"a": 5, "b": 9, "c": 1}, key=lambda k: {"a": 5, "b": 9, "c": 1}[k]), min(range(10), key=lambda x: (x - 4) ** 2))
print(max(1, 2, key=lambda x: -x), min(iter([4, 2, 6])))
for bad in [lambda: max(), lambda: min(1), lambda: max([], key=len), lambda: sum(["a", "b"], ""), lambda: sum([1], "s")]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(int(7.9), int(-7.9), float(3), float("  -2.5e3 "), complex if False else "no complex")
print(bin(10), oct(10), hex(10), bin(-3), hex(2 ** 64))
print(sum([True, True, 3]), sum([2 ** 64, 2 ** 64]), sum([1, 0.5, 2 ** 60]))
