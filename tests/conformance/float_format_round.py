# round() and formatting of floats: ties, ndigits, repr after arithmetic.
vals = [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.45, 0.55, 1.45, 2.675, 1.005, 0.125, 0.375, 12.5, 1e15 + 0.5]
for v in vals:
    print(repr(v), round(v), round(v, 1), round(v, 2), f"{v:.1f}", f"{v:.2f}", "%.0f" % v)
print(round(123.456, -1), round(123.456, -2), round(-123.456, -1), round(0.0, 3), round(-0.0), round(-0.4, 0))
print(round(5, 2), round(1e300, -299), round(1.23456789e-5, 8), round(2 ** 0.5, 6))
print([round(x / 10, 1) for x in range(10)])
print([round(i + 0.5) for i in range(-3, 4)])
print(sum([0.1] * 3), 0.1 * 3, round(0.1 * 3, 15), 1 - 0.9, round(1 - 0.9, 2))
print(3 * 0.1 == 0.3, round(3 * 0.1, 10) == round(0.3, 10), 0.1 + 0.7, 4.35 * 100, 1.1 + 2.2)
print(1 / 7, 22 / 7, 355 / 113, 1e-7 / 3, 2 / 3 * 3, 10 / 3 * 3)
print(f"{1/3:.0f} {2/3:.0f} {0.5:.0f} {1.5:.0f} {2.5:.0f} {-0.5:.0f}")
print(float(round(7.5)), int(round(8.5)), round(7.5) + round(8.5))
print(round(float("inf"), 2), round(float("nan"), 2), round(-float("inf"), 0))
