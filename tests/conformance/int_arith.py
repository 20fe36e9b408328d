# Integer arithmetic: basic ops, floor division and modulo with negatives.
vals = [7, -7, 3, -3, 1, -1, 0, 10, -10, 13]
divs = [1, -1, 2, -2, 3, -3, 5, -5, 7]
for a in vals:
    row = []
    for b in divs:
        row.append("%d//%d=%d %d%%%d=%d" % (a, b, a // b, a, b, a % b))
    print("; ".join(row))
for a in [17, -17]:
    for b in [5, -5]:
        q, r = divmod(a, b)
        print(a, b, q, r, q * b + r == a)
print(2 + 3 * 4 - 5)
print((2 + 3) * (4 - 5))
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 10)
print(7 / 2, -7 / 2, 6 / 3, type(6 / 3).__name__)
print(abs(-5), abs(5), abs(0), -(-5), +(-5))
print(1_000_000 + 1, 0x1F, 0o17, 0b1011, 0X_FF)
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 7; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 0x100; print(x)
x &= 0x1F0; print(x)
x ^= 0xFF; print(x)
print(int(3.9), int(-3.9), int("  42  "), int("-17"), int("+8"))
print(round(7), round(-7), 5 // 1, -5 // 1)
print(10 ** 0, 0 ** 0, (-1) ** 101, (-1) ** 100)
print(max(3, 9, -2), min(3, 9, -2), sum([1, 2, 3, 4]))
print(True + True, True * 10, False - 1)
print(pow(3, 4), pow(3, 4, 5), pow(-3, 3, 7), pow(2, -2))
print(pow(3, -1, 7), pow(38, -1, 97))
print(0 // 5, 0 % 5, -0, 5 % 1)
