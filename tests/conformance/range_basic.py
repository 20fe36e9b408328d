# range objects.
r = range(10)
print(r, range(2, 5), range(0, 10, 3), range(5, 0, -1), range(0), range(-3, 3, 1))
print(len(r), len(range(2, 5)), len(range(0, 10, 3)), len(range(5, 0, -1)), len(range(5, 0)), len(range(0, 100, 7)))
print(list(range(5)), list(range(2, 8, 2)), list(range(10, 0, -3)), list(range(-5, -1)), list(range(3, 3)))
print(r[0], r[-1], r[5], range(0, 10, 3)[-1], range(5, 0, -1)[1])
print(r[2:5], r[::2], r[::-1], range(0, 20, 3)[1:4], range(10, 0, -2)[::-1], r[-3:])
print(list(r[::-1]), list(range(0, 20, 3)[::2]))
print(5 in r, 10 in r, -1 in r, 3 in range(0, 10, 3), 4 in range(0, 10, 3), 4.0 in r, 2 in range(5, 0, -1))
print(r.index(4), range(0, 10, 3).index(9), r.count(3), range(0, 10, 2).count(3))
print(range(0, 10) == range(0, 10), range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(3) == [0, 1, 2])
print(r.start, r.stop, r.step, range(1, 2, 3).step)
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(5, 0, -2)))
try:
    range(0, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
big = range(0, 10 ** 20, 3)
print(big[-1], 10 ** 19 in big, 10 ** 19 + 1 in big, big[10 ** 18], big.index(3 * 10 ** 18))
print(list(reversed(range(4))), bool(range(0)), bool(range(1)), tuple(range(3)))
for i in range(3, -4, -3):
    print(i, end=" ")
print()
print(list(enumerate(range(10, 13))), list(zip(range(3), range(5, 8))))
