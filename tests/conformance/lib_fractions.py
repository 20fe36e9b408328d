# fractions.Fraction: construction (ints, strings, floats), arithmetic with ints and
# floats, comparisons, hashing like equal numbers, rounding, limit_denominator, errors.
from fractions import Fraction as F
import math
print(F(3, 4), repr(F(6, 8)), F(-3, -6), F(3, -6), F(5), F('1.25'), F('-3/9'), F(' 7 '), F(0.5), F(0.1), F('1e-3'), F('2.5E2'))
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, -a, abs(-a), a ** 2, a ** -2, F(-2, 3) ** -3, 2 ** F(2), F(4) ** F(1, 2))
print(a + 1, 1 + a, a * 3, 3 / a, a + 0.5, 0.5 * a, a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5, F(2, 1) == 2, 2 == F(2))
print(a < b, a > b, a <= F(1, 3), F(1, 2) < 0.6, F(7, 3) > 2, sorted([F(1, 2), F(1, 3), F(2, 3), 0.4, 1]))
print(float(a), int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(1, 3), 2), round(F(12345, 1), -2), math.trunc(F(-7, 2)))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), {F(1, 2): 'half'}[F(2, 4)], len({F(1, 2), 0.5, F(1, 3)}))
print(F(3.14159).limit_denominator(100), F(math.pi).limit_denominator(1000), F(1, 3).numerator, F(1, 3).denominator, F(6, 4).as_integer_ratio(), F(4, 2) == 2)
print(sum([F(1, n) for n in range(1, 7)]), sum(F(1, 2 ** k) for k in range(10)), f'{F(1, 3)}', str(F(-5, 10)), bool(F(0)))
for bad in [lambda: F(1, 0), lambda: F('abc'), lambda: F(1) / 0, lambda: F(1.5, 2), lambda: F([1])]:
    try:
        print(bad())
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
total = F(0)
for price, qty in [(F('19.99'), 3), (F('0.01'), 7), (F('5.5'), 2)]:
    total += price * qty
print(total, float(total), F.from_float(0.25), divmod(F(7, 2), F(1, 3)))
