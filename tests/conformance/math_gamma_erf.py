import math, random
random.seed(1)
xs = [0.5, 1.5, 2.5, 3.7, 10.1, 0.1, -0.5, -1.5, 5, 20, 30.5, 100.3, 171.5, 1e-5, 0.9, 7.25, -3.3, 23, 24, 22, 1e-25, -1e-25, 150.5, -150.5, -199.9, 199.9, -250.5, 1e300, -1e300]
xs += [random.uniform(-10, 30) for _ in range(600)] + [random.uniform(-200, 200) for _ in range(400)] + [random.uniform(0, 1e-3) for _ in range(50)]
out = []
for x in xs:
    for f in (math.gamma, math.lgamma, math.erf, math.erfc):
        try: out.append(repr(f(x)))
        except (ValueError, OverflowError) as e: out.append(type(e).__name__)
print(len(out))
import hashlib
print(hashlib.sha256(" ".join(out).encode()).hexdigest())
for x in [0, -1, -2.0, 172, 171.7, float("inf"), float("-inf"), float("nan"), 1, 2, 3, 0.5, -0.5]:
    r = []
    for f in (math.gamma, math.lgamma, math.erf, math.erfc):
        try: r.append(repr(f(x)))
        except (ValueError, OverflowError) as e: r.append(f"{type(e).__name__}: {e}")
    print(x, r)
print([math.gamma(n) for n in range(1, 8)], math.gamma(0.5) ** 2, math.lgamma(100), math.erf(0.5) + math.erfc(0.5))
