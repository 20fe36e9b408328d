# int() parsing with bases and conversions.
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("777", 8), int("0o777", 0))
print(int("1010", 2), int("0b1010", 0), int("z", 36), int("Zz", 36), int("10", 3))
print(int("-ff", 16), int("  -0x10  ", 0), int("1_000", 10), int("0_1", 8) if False else 0)
print(int("0"), int("-0"), int("000"), int("0", 0))
print(int(" 12 "), int("\t7\n"), int("+0"))
print(int(True), int(False), int(2.999), int(-0.5), int(1e18))
print(int("123456789" * 3), int("-" + "9" * 40))
for s in ["12a", "", " ", "1.5", "0x", "--1", "1 2"]:
    try:
        int(s)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    int("010", 0)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(str(255), repr(-3), str(10 ** 25))
print(format(255, "x"), format(255, "b"), format(255, "o"), format(-255, "X"))
for base in (2, 8, 10, 16, 36):
    print(base, int("11", base), int("101", base))
print(int("1" * 64, 2), int("f" * 16, 16))
