# frexp/ldexp exact at the edges of the float range (subnormals, overflow, huge exponents).
import math
print(math.frexp(1e308), math.frexp(5e-324), math.frexp(-3.0), math.frexp(0.0), math.frexp(-0.0), math.frexp(2.2250738585072014e-308), math.frexp(1e-310), math.frexp(float('inf')))
print(math.ldexp(0.5, 1024), math.ldexp(1, -1074), math.ldexp(1, -1075), math.ldexp(3, -1075), math.ldexp(2.0**1000, -2000), math.ldexp(0.75, -1074), math.ldexp(-1.5, -1075), math.ldexp(1e-310, 100))
for a in [(1.0, 1.5), (1.0, True), (1.0, 2**100), (0.0, 2**100), (1.0, -2**100), (float('inf'), 5), ('a', 1), (1.0, 10**5), (-1.0, 1024), (5, 3)]:
    try: print(math.ldexp(*a))
    except Exception as e: print(type(e).__name__, e)
for x in [1.0, 3.5, 1e-320, 123456.789e200, -7e-300]:
    m, e = math.frexp(x); print(math.ldexp(m, e) == x)
