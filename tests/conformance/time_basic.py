# time: only types and monotonic comparisons, never values.
import time
t0 = time.time()
p0 = time.perf_counter()
print(type(t0).__name__, type(p0).__name__, t0 > 1_600_000_000)
total = 0
for i in range(20000):
    total += i
t1 = time.time()
p1 = time.perf_counter()
print(total, t1 >= t0, p1 >= p0, (p1 - p0) < 10, isinstance(p1 - p0, float))
from time import perf_counter
print(perf_counter() >= p1)
