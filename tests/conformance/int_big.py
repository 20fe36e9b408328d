# Arbitrary-precision integers.
a = 2 ** 100
print(a)
print(a * a)
print(a - 1, -a + 1)
print(3 ** 200)
print(-(3 ** 75))
f = 1
for i in range(1, 41):
    f *= i
print(f)
print(f // 12345678901234567, f % 12345678901234567)
print(-f // 98765432109876543210, -f % 98765432109876543210)
print(divmod(10 ** 30, -7))
print(divmod(-10 ** 30, 7))
print(pow(2, 200, 10 ** 9 + 7))
print(pow(12345678901234567890, 3))
print(7 ** 77 % 1000000007)
print(len(str(2 ** 1000)), str(2 ** 1000)[:20])
print(int("123456789012345678901234567890") + 1)
print(int("-99999999999999999999999999") - 1)
print(10 ** 20 == 100000000000000000000, 10 ** 20 > 10 ** 19)
print((10 ** 20) // (10 ** 10), (10 ** 20) / (10 ** 10))
print(2 ** 64 // 3, 2 ** 64 % 3)
x = 1
for _ in range(10):
    x = x * 1000003 + 7
print(x)
print(x.bit_length(), (-x).bit_length())
print(abs(-(2 ** 90)))
print(hex(2 ** 70), oct(2 ** 70), bin(2 ** 70))
print(hex(-(2 ** 70)))
print(sum(range(10 ** 6)))
print(10 ** 18 * 10 ** 18)
print(-(10 ** 18) * 10 ** 18)
print(123456789 ** 5)
print((2 ** 127 - 1) % 1000)
print(max(2 ** 80, 3 ** 50), min(-2 ** 80, -3 ** 50))
print(sorted([2 ** 65, -2 ** 65, 1, 2 ** 64, -1]))
print(2 ** 100 == 2.0 ** 100, 2 ** 100 + 1 == 2.0 ** 100, 2 ** 100 + 1 > 2.0 ** 100)
