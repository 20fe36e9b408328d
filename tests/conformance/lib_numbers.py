# numbers: the numeric ABCs, with the built-in types and Fraction registered.
import numbers
print(isinstance(1, numbers.Number), isinstance(1j, numbers.Complex), isinstance(1.5, numbers.Real), isinstance(1j, numbers.Real), isinstance(True, numbers.Integral))
from fractions import Fraction
print(isinstance(Fraction(1,2), numbers.Rational), issubclass(int, numbers.Rational), isinstance(1.0, numbers.Integral))
import numbers as N
print(isinstance(1j, N.Number), isinstance(None, N.Number), issubclass(float, N.Complex), issubclass(complex, N.Real))
class MyNum(N.Number):
    pass
print(isinstance(MyNum(), N.Number), isinstance(MyNum(), N.Complex))
class Half(N.Integral):
    pass
try:
    Half()
except TypeError as e:
    print(str(e)[:60])
print(N.Integral.__mro__, sorted(N.Real.__abstractmethods__)[:5])
try:
    hash(MyNum())
except TypeError as e:
    print(e)
import numbers
print(isinstance(Fraction(1, 3), numbers.Rational), isinstance(Fraction(1, 3), numbers.Integral))
