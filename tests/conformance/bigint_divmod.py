# Floor division and modulo of big integers: small and large quotients, exact
# multiples, off-by-one remainders, every sign combination.
def lcg(s):
    return (s * 6364136223846793005 + 1442695040888963407) % 2**64


s = 12345
ys = []
for digits in (1, 2, 3, 5, 9):
    v = 0
    for _ in range(digits):
        s = lcg(s)
        v = (v << 64) | s
    ys.append(v | 1)

check = 0
lines = []
for y in ys:
    for qbits in (0, 1, 7, 31, 59, 60, 61, 64, 100, 200):
        s = lcg(s)
        q = s >> (64 - qbits) if qbits <= 64 else (s << (qbits - 64)) | 3
        for extra in (0, 1, y - 1, y // 2, -1):
            x = y * q + extra
            for sx, sy in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
                a, b = sx * x, sy * y
                d, m = a // b, a % b
                assert d * b + m == a
                assert divmod(a, b) == (d, m)
                check = (check * 31 + d % 1000003 + m % 999983) % 2**61
                if qbits in (1, 60) and extra in (0, -1) and y == ys[1]:
                    lines.append((sx, sy, d, m))
print(check)
for l in lines:
    print(*l)
t = 10**500 + 7
print((3 * t + 5) // t, (3 * t + 5) % t, (3 * t - 1) // t, (-3 * t) // t, (2**1000) // (2**1000 - 1))
print(sum(((10**300 + k) * 9) // (10**300 + 1) for k in range(20)))
