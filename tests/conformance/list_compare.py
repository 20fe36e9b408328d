# list/tuple comparisons, equality, membership, nesting.
print([1, 2] == [1, 2], [1, 2] != [1, 2.0], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99])
print((1, 2) == (1, 2), (1, 2) < (1, 2, 3), (3,) > (2, 9), () == (), (1,) == [1], [1] == (1,))
print([1, [2, 3]] == [1, [2, 3]], [1, [2, 3]] < [1, [2, 4]], [[1], [2]] > [[1], [1, 5]])
print(max([[1, 2], [1, 3], [0, 9]]), min((3, "a"), (3, "B")), sorted([[2], [1, 5], [1], []]))
print(2 in [1, 2, 3], [2] in [[2], 3], (1, 2) in [(1, 2)], 4 not in (1, 2), "a" in ["abc"])
try:
    [1, 2] < [1, "x"]
except TypeError as e:
    print("TypeError:", e)
try:
    (1, 2) < [1, 2]
except TypeError as e:
    print("TypeError:", e)
print([1, "x"] == [1, "x"], [1, 2] == [1, "2"], [None] == [None], [float("nan")] == [float("nan")])
a = [1, 2, 3]
b = a
c = list(a)
print(a == b, a is b, a == c, a is c)
print(len([]), len([[]]), len([1, [2, 3]]), [1, 2, 3][-1], [[1, 2], [3, 4]][1][0])
print([i * j for i in range(3) for j in range(3)])
print([x for x in [3, 1, 2] if x > 1])
print(list(reversed([1, 2, 3])), sorted([3, 1, 2], reverse=True))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print([1, 2, 3].__len__(), [1, 2] * 2 == [1, 2, 1, 2], [0] * 3 + [1])
