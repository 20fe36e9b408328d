# pow with big results, modular exponentiation and negative exponents.
print(2 ** 64, 2 ** 127, 3 ** 100, 10 ** 50, (-3) ** 33, (-2) ** 64)
print(7 ** 0, 0 ** 5, 1 ** 1000, (-1) ** 999, 2 ** 0.5, 4 ** -0.5, 8 ** (1 / 3))
print(2 ** -2, 10 ** -3, (-2) ** -3, 2.0 ** 10, 1.5 ** 3, (-8) ** 2)
print(pow(3, 1000, 1000007), pow(2, 10 ** 18, 97), pow(123456789, 987654321, 10 ** 9 + 9))
print(pow(5, -1, 7), pow(3, -2, 11), pow(10, -1, 17) * 10 % 17)
print(pow(-2, 5, 7), pow(2, 5, -7), pow(-2, 5, -7), pow(0, 0, 5), pow(5, 0, 1))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    (-8) ** 0.5
except ValueError as e:
    print("ValueError:", e)
print(type((-8) ** 0.5).__name__ if False else "complex skipped")
try:
    float(2 ** 5000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
x = 3
for _ in range(5):
    x = x ** 2
print(x, len(str(x)))
print(sum(d * d for d in range(1, 30)) ** 3)
print([2 ** i for i in range(0, 70, 7)])
print([pow(i, 3, 10) for i in range(10)], [-i ** 2 for i in range(4)])
print(10 ** 20 // 3 ** 20, 10 ** 20 % 3 ** 20, (10 ** 20) / (3 ** 20))
