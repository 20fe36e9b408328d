# Float arithmetic, mixing with ints, modulo and floor division with negatives.
pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (7, 2.5), (-7, 2.5), (0.5, 0.1), (-0.0, 1.0),
         (5.0, 3.0), (-5.0, 3.0), (1e10, 3.3), (3.0, -0.7)]
for a, b in pairs:
    print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(7 / 2, 7 // 2.0, -7 // 2.0, 7 % -2.0, -7 % 2.0, 6.0 % 3)
print(1 + 2.0, 3 * 0.5, 10 - 0.25, 2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3), (-8) ** 2.0)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, 1.0 == 1, 1.5 > 1, 2 < 2.5)
print(1 == 1.0, hash(1) == hash(1.0), hash(1.5), hash(-0.0), hash(0.0), hash(2.0 ** 70) == hash(2 ** 70))
print(-0.0 == 0.0, str(-0.0), str(0.0 * -1), str(-0.0 + 0.0), -0.0 * 5)
print(abs(-2.5), abs(-0.0), -(-0.0), +(-0.0))
print(max(1, 2.0), min(1, 1.0), max(2.0, 2), sum([0.1] * 10), sum([1, 2.5]))
print(float(2 ** 53) == 2 ** 53, float(2 ** 53) == 2 ** 53 + 1, 2 ** 53 + 1 > float(2 ** 53))
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 2.0 ** -1074, 2.0 ** -1075)
x = 1.0
x += 0.5; print(x)
x *= 3; print(x)
x /= 2; print(x)
x //= 0.5; print(x)
x -= 0.25; print(x)
x %= 2; print(x)
x **= 2; print(x)
print(3.7 // 1, -3.7 // 1, 3.7 % 1 < 0.71, int(3.7 // 1))
print(10 / 4, 10 / 5, -10 / 4, 1 / 8, 1 / 3)
print(pow(2.0, 3), pow(2, -3), pow(-2, -3), pow(9, 0.5), pow(2.5, 2))
