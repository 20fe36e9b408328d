# Bitwise operations including negatives and shifts.
vals = [0, 1, -1, 5, -5, 12, -12, 255, -256, 2 ** 40 + 3, -(2 ** 40) - 3]
for a in vals:
    print(a, ~a, a & 0xF, a | 0x10, a ^ 0x7, a << 3, a >> 2)
for a in [6, -6]:
    for b in [3, -3]:
        print(a, b, a & b, a | b, a ^ b)
print(-1 >> 100, 1 >> 100, -1 << 10, -7 >> 1, -8 >> 1, 7 >> 1)
print(bin(5), bin(-5), bin(0), oct(8), oct(-8), hex(255), hex(-255), hex(0))
print((5).bit_length(), (0).bit_length(), (-8).bit_length(), (255).bit_length())
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
print(~0, ~~7, -~5, ~-5)
mask = 0
for bit in (1, 3, 5, 7):
    mask |= 1 << bit
print(mask, bin(mask))
print([i for i in range(10) if mask >> i & 1])
print(1 << 2 + 1, (1 << 2) + 1, 2 & 3 | 4, 2 & (3 | 4), 1 | 2 ^ 3 & 4)
x = 0xDEADBEEF
print(x >> 16, x & 0xFFFF, hex(x >> 16), hex(x & 0xFFFF))
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 3).__name__)
print(~True, ~False)
