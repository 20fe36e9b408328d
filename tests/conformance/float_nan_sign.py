# The sign bit of a NaN survives, as in CPython (copysign reads it).
import math

n = float("nan")
print(math.copysign(1, n), math.copysign(1, -n), math.copysign(1, -(-n)))
print(math.copysign(1, float("-nan")), math.copysign(1, abs(-n)))
neg = -n
print(neg is neg, neg in [neg], neg == neg, repr(neg))
print(math.copysign(2.5, math.copysign(math.nan, -1.0)))
