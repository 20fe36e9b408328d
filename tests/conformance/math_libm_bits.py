# cbrt and the inverse hyperbolics give the C library's results to the last bit,
# as CPython's do (cbrt(27) is 3.0000000000000004 with glibc).
import math
import random

random.seed(7)
xs = ([random.uniform(-10, 10) for _ in range(60)] + [random.uniform(-1, 1) for _ in range(60)]
      + [random.uniform(1, 3) for _ in range(40)] + [10 ** random.uniform(-320, 308) for _ in range(60)])
xs += [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 1e-300, 5e-324, 1e308, 2 ** -28, 2 ** 28, 27.0, 8.0,
       -27.0, 1e-9, 0.999999, float('inf'), float('-inf'), float('nan')]
for n in ['asinh', 'acosh', 'atanh', 'cbrt']:
    f = getattr(math, n)
    out = []
    for x in xs:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(n, ' '.join(out))
print([math.cbrt(x) for x in [27, 8, 64, 1000, 2, -27, 0.001]])
