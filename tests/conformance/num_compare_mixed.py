# Comparisons mixing int, float, bool, big ints; chained comparisons.
print(1 == 1.0, 1 == True, 0 == False, 2 == 2.000000001, 10 ** 20 == 1e20, 10 ** 23 == 1e23)
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 2 ** 1000 > 1e308, 2 ** 1100 > float("inf"), -2 ** 1100 < float("-inf"))
print(1 < 1.5 < 2, 3 > 2.5 > True, 0 <= False <= 0.0, -1 < 0 < 1 < 2 < 3, 1 < 2 > 0 < 5 != 6)
print(0.1 + 0.2 > 0.3, 0.1 + 0.2 < 0.30000000000000005, 1 / 3 == 0.3333333333333333)
print(max(1, 1.0), max(1.0, 1), min(True, 1), min(1, True), max(0, -0.0, False))
print(sorted([2, 1.5, True, 0.0, -1, 10 ** 20, 1e19]))
print(1 != 1.0, [1, 2.0] == [1.0, 2], (1, True) == (1.0, 1), {1: "a"} == {1.0: "a"})
print({1, 2} == {1.0, 2.0}, 1 in [1.0], 1.0 in {1}, True in {1: 0}, "1" == 1)
print(float("nan") == float("nan"), float("nan") != float("nan"), float("inf") == float("inf"))
a = 5
print(1 < a < 10, 1 < a > 10, a == 5 == 5.0, a < a + 0.5, a - 0.5 < a)
print(-0.0 == 0, -0.0 < 0, 0 < -0.0, 5 // 2 == 2.0, 7 / 7 == 1, 2 ** -1 == 0.5)
print((10 ** 30 + 1) / 10 ** 30 == 1.0, 10 ** 30 + 1 == 1e30, int(1e30) == 10 ** 30)
for x, y in [(1, 2), (2, 2.0), (3.5, 3), (-1, -1.5), (10 ** 18, 1e18), (2 ** 63, 2.0 ** 63)]:
    print(x, y, x < y, x <= y, x == y, x != y, x > y, x >= y)
