# Slicing and reversing ranges with big bounds.
big = range(0, 10 ** 20, 3)
print(big[::2], big[10:20], big[::-1], big[-3:], list(big[-3:]), big[5:2], big[:3], list(big[:3]))
print(big[10 ** 18:10 ** 18 + 6:2], list(big[10 ** 18:10 ** 18 + 6:2]), big[::10 ** 19])
print(range(-2 ** 64, 2 ** 64, 2 ** 63)[1:-1], list(range(-2 ** 64, 2 ** 64, 2 ** 63)[::3]))
h = range(10 ** 20)
print(h[2:5], h[-5:], h[::-10 ** 19], list(h[::-10 ** 19]), h[10 ** 19:][0])
print(list(reversed(range(10 ** 20, 10 ** 20 + 7, 2))), list(reversed(range(2 ** 64, 2 ** 64))))
print(list(reversed(range(-2 ** 65, -2 ** 65 - 9, -4))), range(2 ** 64)[-1] == 2 ** 64 - 1)
r = reversed(range(2 ** 64, 2 ** 64 + 3))
print(next(r), next(r), next(r), next(r, "end"), type(r).__name__)
small = range(10)[2:8:2]
print(small, list(small), range(10)[::-1], range(0)[::-1])
try:
    big[::0]
except ValueError as e:
    print("ValueError:", e)
print(big[1.5])
