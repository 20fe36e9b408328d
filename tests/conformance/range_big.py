# range objects with bounds beyond 64 bits.
big = range(0, 10 ** 20, 3)
print(big, big.start, big.stop, big.step, type(big).__name__)
print(big[0], big[-1], big[5], big[10 ** 18], big[-(10 ** 18)])
print(10 ** 19 in big, 10 ** 19 + 1 in big, 3 * 10 ** 18 in big, -3 in big, 10 ** 20 in big, True in big)
print(big.index(3 * 10 ** 18), big.count(9), big.count(10), bool(big), bool(range(10 ** 20, 0)))
r = range(2 ** 64, 2 ** 64 + 5)
print(list(r), r, len(r), list(reversed(r)), type(iter(r)).__name__)
d = range(2 ** 70, 2 ** 70 - 10, -3)
print(list(d), len(d), d[-1], d.index(2 ** 70 - 6))
for x in range(2 ** 63 - 2, 2 ** 63 + 2):
    print(x, end=" ")
print()
print(sum(range(2 ** 64, 2 ** 64 + 100)), max(range(2 ** 65, 2 ** 65 + 10)), min(range(-2 ** 65, 10, 2 ** 64)))
print(list(zip(range(2 ** 64, 2 ** 65), "abc")), list(enumerate(range(-2 ** 64, -2 ** 64 + 2))))
print(range(10 ** 30, 10 ** 30 + 1) == range(10 ** 30, 10 ** 30 + 1), range(2 ** 80, 0) == range(0), range(0, 2 ** 64, 2 ** 63) == range(0, 2 ** 64 - 1, 2 ** 63))
print(sorted(range(2 ** 64 + 2, 2 ** 64 - 1, -1)), [i for i in range(10 ** 25, 10 ** 25 + 3)])
try:
    big[10 ** 20]
except IndexError as e:
    print("IndexError:", e)
try:
    big.index(1)
except ValueError as e:
    print("ValueError:", e)
try:
    range(0, 10 ** 30, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    big["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    range(10 ** 20, 1.5)
except TypeError as e:
    print("TypeError:", e)
print(len(range(10 ** 19)))
len(big)
