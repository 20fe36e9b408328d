# complex numbers with other features: f-strings, containers, eval/repr round trip,
# Fraction arithmetic with complex, json, cmath.
z = 3+4j
print(f"{z=}", f"{z!r:>12}", f"{abs(z)=:.1f}")
import math
print(math.isclose(1.0, 1.0 + 1e-12), complex(math.pi, math.e))
print(sum([1j] * 10), [1j] * 2, (1j,) + (2,), {1j: 'a', 2j: 'b'}, sorted({1j, 2j}, key=lambda c: c.imag))
print(1j.real if False else (1j).imag, 1J, 0.5J, 1e3j, 1_000j, 0j + 0)
print(str(complex('1e400j')), complex('-1e-400'), repr(complex(-0.0, -0.0) + 0))
from fractions import Fraction
print(complex(Fraction(1, 2)), Fraction(1, 2) + 1j if hasattr(Fraction, '__complex__') else 'x')
import json
try:
    json.dumps(1j)
except TypeError as e:
    print(e)
print(isinstance(1j, (int, float)), type(1j) is complex, complex.__name__, complex.__mro__)
print((2+3j).__format__('.1f'), format(2+3j), str(1+1j).center(10, '*'))
x = 2
x **= 0.5j
print(x)
print(max([1j, 2j], key=abs), 1j in {1j}, [1j].index(1j), (1j).__class__)
print(eval('1+2j'), eval(repr(3-4j)) == 3-4j, complex(repr(-1.5j)))
import cmath
print(cmath.sqrt(-1) == 1j, cmath.phase(-1), cmath.polar(1j))
print(divmod(7.5, 2), -7 // 2, -7 % 2, 7 % -2, round(-2.5), round(3.14159, 2))
print(hash(-1), hash(-1.0), hash(-1+0j), hash(complex(-1, -1)))
from fractions import Fraction as F
h = F(1, 2)
print(h + 1j, 1j + h, h - 2j, 2j - h, h * 1j, 1j * h, h / 1j, 1j / h, h ** 1j, 1j ** h, h == 0.5 + 0j, h == 1j, complex(h))
try:
    h // 1j
except TypeError as e:
    print(e)
