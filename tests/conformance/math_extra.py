# Less common math functions.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), math.isqrt(99), math.isqrt(10 ** 20))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(2 ** 100, 6 ** 50), math.gcd(), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.log(math.e), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1000), math.log10(2), math.log1p(0.0))
print(math.exp(0), math.exp(1), math.exp(-1), math.expm1(0.0), math.pow(2, 10), math.pow(2, 0.5))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1), math.atan(1), math.asin(1), math.acos(1))
print(math.degrees(math.pi), math.radians(180), math.fabs(-3), math.fabs(2.5), type(math.fabs(-3)).__name__)
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(1, 1, 1, 1), math.dist((0, 0), (3, 4)))
print(math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(7, 3), math.fmod(-7, 3), -7 % 3)
print(math.remainder(7, 3), math.floor(-0.5), math.ceil(-0.5), math.sqrt(1e-300))
