# repr/str of floats (shortest round-trip repr).
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -1.0, 0.0, -0.0, 1e16, 1e15, 123456789012345678.0,
        1e-5, 0.0001, 1.5e300, -2.5e-300, 1e22, 1e23, 3.141592653589793, 2.718281828459045,
        1 / 3, 2 / 3, 100.0, 1e100, 5e-324, 1.7976931348623157e308, 0.5, 0.25, 1.1, 2.675,
        123.456, 1234567.0, 12345678.9, 0.3, 1e-7, 9.999999999999999e22, 4.35, 0.000123]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("1e500"), float("-1e500"), 1e308 * 10, -1e308 * 10)
print(float("  3.5  "), float("-.5"), float("1e3"), float("+1E-2"), float("Infinity"), float("-iNF"))
print(float(10), float(-3), float(True), float("1_000.5"))
print(1e16 + 1, 2.0 ** 53, 2.0 ** 53 + 1, 2.0 ** 64)
print([0.1, -0.0, 1e20, 1e-20], (1.5,), {1.5: 2.5})
print(0.1 * 3, 0.7 + 0.1, 1.1 * 1.1, 3 * 1.1, 100 * 1.1)
print(1.0 / 3.0 * 3.0, 2 ** 0.5, 10 ** -2, 10.0 ** 15, 10.0 ** 16)
print(float.__name__, type(1.0).__name__, type(1e5).__name__)
print((0.1).is_integer(), (2.0).is_integer(), (1.5).as_integer_ratio(), (0.75).as_integer_ratio())
