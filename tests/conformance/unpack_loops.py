# Unpacking in for loops and comprehensions, enumerate/zip/items patterns.
pairs = [(1, "one"), (2, "two"), (3, "three")]
for n, name in pairs:
    print(n, name)
for i, (n, name) in enumerate(pairs, 1):
    print(i, n, name[::-1])
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
for first, *rest in ["abc", "de", "f"]:
    print(first, rest)
for *init, last in [[1, 2, 3], [4]]:
    print(init, last)
d = {"x": 1, "y": 2}
for k, v in d.items():
    print(k, v)
print([k * v for k, v in d.items()], {v: k for k, v in d.items()})
for a, b in zip("abc", range(10)):
    print(a, b, end="; ")
print()
for i, (a, b) in enumerate(zip([1, 2], [3, 4])):
    print(i, a * b)
matrix = [[1, 2, 3], [4, 5, 6]]
for r, row in enumerate(matrix):
    for c, v in enumerate(row):
        if v % 2 == 0:
            print((r, c), v)
points = [(0, 0), (3, 4), (-1, 1)]
print([x * x + y * y for x, y in points], max(points, key=lambda p: p[0]), sorted(points, key=lambda p: (p[1], p[0])))
x, (y, z), w = 1, [2, 3], "w"
print(x, y, z, w)
a, b, c = "xyz"
print(a, b, c)
(a, b), (c, d) = "ab", [1, 2]
print(a, b, c, d)
[a, b] = 8, 9
print(a, b)
for x in [(1, 2, 3)]:
    p, q, r = x
    print(p, q, r)
try:
    for a, b in [(1, 2), (3,)]:
        print(a, b)
except ValueError as e:
    print("ValueError:", e)
try:
    for a, b in [(1, 2, 3)]:
        pass
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = {"k": 1}
except ValueError as e:
    print("ValueError:", e)
k1, k2 = {"k": 1, "j": 2}
print(k1, k2)
