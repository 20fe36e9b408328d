# math functions check their positional argument counts; log/log2/log10 of ints
# too big for a float; hypot and dist are CPython's correctly scaled vector norm.
import math
from fractions import Fraction

names = [n for n in dir(math) if callable(getattr(math, n))]
for n in names:
    f = getattr(math, n)
    out = []
    for k in range(0, 4):
        try:
            f(*([1] * k))
            out.append(f"{k}:ok")
        except TypeError as e:
            out.append(f"{k}:{e}")
        except Exception as e:
            out.append(f"{k}:{type(e).__name__}")
    print(n, out)

for a, k in [((), {"start": 1}), (([1], 2), {"start": 1}), (([1, 2],), {"start": 3})]:
    try:
        print(math.prod(*a, **k))
    except TypeError as e:
        print(e)

for f in (math.log, math.log2, math.log10, math.log1p, math.sqrt):
    for x in (10**400, 2**1024, 2**1024 - 1, 10**1000, 3**2000 + 1, 10**308 * 17, 2**5000):
        try:
            print(f.__name__, f(x))
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
print(math.log(10**1000, 10), math.log(10**400, 10**200), math.log(2**3000, 2))
print(math.log(Fraction(1, 2)), math.log2(True), math.log10(float("inf")))
for bad in (0, -(10**400), 0.0, -1.5):
    try:
        math.log(bad)
    except ValueError as e:
        print("log", bad, e)
try:
    math.log(1, 1)
except ZeroDivisionError as e:
    print("log base 1:", e)

print(math.dist((1, 2), [4, 6]), math.dist(iter([0]), (3,)), math.dist(range(3), (1, 1, 1)))
try:
    math.dist((1, 2), (1,))
except ValueError as e:
    print(e)
print(math.hypot(1, 1, 1), math.hypot(3.5, 1e308, 2), math.hypot(*range(10)))
print(math.hypot(0.1, 0.2, 0.3), math.hypot(0.1, 0.7), math.hypot(5e-324, 5e-324))
print(math.hypot(1e-310, 3e-310, 2e-320), math.hypot(1e308, 1e308))
print(math.hypot(float("inf"), float("nan")), math.hypot(float("nan"), 1), math.hypot(), math.hypot(-3))
vals = [i * 0.37 + 0.01 for i in range(40)]
print([math.hypot(*vals[i:i + 3]) for i in range(0, 40, 3)])
print([math.dist(vals[i:i + 4], vals[i + 1:i + 5]) for i in range(0, 30, 5)])
