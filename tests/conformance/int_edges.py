# Integers near machine-word boundaries (tagged/small-int representations).
edges = [2 ** 30, 2 ** 31, 2 ** 32, 2 ** 47, 2 ** 48, 2 ** 62, 2 ** 63, 2 ** 64]
for e in edges:
    for d in (-1, 0, 1):
        v = e + d
        print(v, -v, v * 2, v + v, v - 1, -v - 1, v // 3, v % 7, v >> 1, v << 1)
for e in edges:
    print(e * e, e * -e, (e - 1) * (e + 1))
a = 2 ** 47 - 1
print(a + 1, a * a, a << 20, -a * 3)
b = 2 ** 63 - 1
print(b + 1, b + b, -b - 1, -b - 2, (-b - 1) // -1, abs(-b - 1))
c = -(2 ** 63)
print(c, c - 1, c * -1, c // -1, c % 3, -c)
print(2 ** 48 * 2 ** 48, 2 ** 64 - 2 ** 64, 2 ** 64 - 1 == 18446744073709551615)
print(int("9223372036854775807") + 1, int("-9223372036854775808") - 1)
print(int("140737488355328"), int("281474976710656") * 2)
s = 0
for i in range(64):
    s += 2 ** i
print(s, s == 2 ** 64 - 1, s + 1)
print((2 ** 64) ^ (2 ** 63), (2 ** 64 - 1) & (2 ** 32), (2 ** 63) | 1)
print(-(2 ** 64) >> 3, -(2 ** 63) >> 63, -(2 ** 63) >> 64, (2 ** 63) >> 70)
print(1 << 63, 1 << 64, -1 << 63, 3 << 62)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 64), hash(-(2 ** 61)), hash(2 ** 100))
print(hash(-1), hash(-2), hash(0), hash(12345), hash(-(2 ** 63)))
print(2 ** 63 == 9223372036854775808, 2 ** 63 > 2 ** 63 - 1, -(2 ** 63) < -(2 ** 63) + 1)
print(float(2 ** 63), float(2 ** 53 + 1), int(float(2 ** 62)))
