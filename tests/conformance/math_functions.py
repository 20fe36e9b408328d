# math module functions and constants.
import math
print(math.pi, math.e, math.inf, -math.inf, math.nan, type(math.pi).__name__)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), math.sqrt(10 ** 20), math.sqrt(2.25))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(2 ** 100, 6 ** 50), math.gcd(0, 0), math.gcd(7, 13))
print(math.log(math.e), math.log(100, 10), math.log(1), math.log2(1024), math.log2(3), math.log10(1000), math.log10(2), math.log(0.5))
print(math.exp(0), math.exp(1), math.exp(-1), math.exp(2.5))
print(math.sin(1), math.cos(1), math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1), math.atan2(1, 0), math.atan2(0.0, 1))
print(math.fabs(-3), math.fabs(2.5), math.fabs(-0.0), type(math.fabs(-3)).__name__)
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(1.5, 2), math.hypot(-3, -4))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(2.9), math.trunc(-2.9))
print(type(math.floor(2.5)).__name__, math.floor(5), math.ceil(10 ** 20 + 0.0) == 10 ** 20)
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308), math.isfinite(1.0), math.isfinite(math.nan))
print(math.factorial(0), math.factorial(10), math.factorial(25))
print(math.log(2 ** 1000), math.log2(2 ** 100), math.log10(10 ** 50))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12), math.tan(0.0))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(0.0, -1))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0.0, 1e-10, abs_tol=1e-9))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod(range(1, 21)), math.prod([2, 3], start=10))
print(math.comb(5, 2), math.comb(52, 5), math.comb(10, 0), math.comb(5, 7), math.perm(5, 2), math.perm(5), math.perm(52, 5))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.factorial(-1),
            lambda: math.acos(2), lambda: math.factorial(2.5), lambda: math.exp(1000)]:
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
from math import sqrt as root, pi
print(root(81), round(pi, 4), math.floor(math.inf) if False else "skip")
try:
    math.floor(math.inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.ceil(math.nan)
except ValueError as e:
    print("ValueError:", e)
