"""Fraction, rational numbers (CPython's fractions module)."""

import math
import _lethe

__all__ = ['Fraction']

_PyHASH_MODULUS = 2 ** 61 - 1
_PyHASH_INF = 314159


def _parse(s):
    """Parse 'n', 'n/d', decimals and exponents as CPython's _RATIONAL_FORMAT."""
    t = s.strip().replace('_', '') if '__' not in s else None
    if t is None or not t:
        return None
    sign = 1
    if t[0] in '+-':
        if t[0] == '-':
            sign = -1
        t = t[1:]
    if '/' in t:
        num, _, den = t.partition('/')
        if not num.isdigit() or not den.isdigit() or not num.isascii() or not den.isascii():
            return None
        return sign * int(num), int(den)
    mant, e, exp = t.partition('e') if 'e' in t else t.partition('E')
    if e and (not exp or not exp.lstrip('+-').isdigit()):
        return None
    ip, dot, fp = mant.partition('.')
    if not (ip or fp) or (ip and not ip.isdigit()) or (fp and not fp.isdigit()):
        return None
    numerator = int(ip + fp) if ip + fp else 0
    denominator = 10 ** len(fp)
    if e:
        x = int(exp)
        if x >= 0:
            numerator *= 10 ** x
        else:
            denominator *= 10 ** -x
    return sign * numerator, denominator


class Fraction:
    """A rational number: Fraction(3, 4), Fraction('1.25'), Fraction(0.5)."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, bool) or isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, float):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
            elif hasattr(numerator, 'as_integer_ratio'):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif type(numerator) is int is type(denominator):
            pass
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator,
                                                                  (int, Fraction)):
            n1, d1 = _as_pair(numerator)
            n2, d2 = _as_pair(denominator)
            numerator, denominator = n1 * d2, d1 * n2
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        from decimal import Decimal
        if isinstance(dec, int):
            dec = Decimal(int(dec))
        elif not isinstance(dec, Decimal):
            raise TypeError(
                "%s.from_decimal() only takes Decimals, not %r (%s)" %
                (cls.__name__, dec, type(dec).__name__))
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator,
                               self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def _operands(self, other):
        if isinstance(other, Fraction):
            return other._numerator, other._denominator
        if isinstance(other, int):
            return int(other), 1
        return None

    def __add__(a, b):
        p = a._operands(b)
        if p is not None:
            return Fraction(a._numerator * p[1] + p[0] * a._denominator,
                            a._denominator * p[1])
        if isinstance(b, float):
            return float(a) + b
        if isinstance(b, complex):
            return complex(a) + b
        return NotImplemented

    def __radd__(b, a):
        p = b._operands(a)
        if p is not None:
            return Fraction(p[0] * b._denominator + b._numerator * p[1],
                            p[1] * b._denominator)
        if isinstance(a, float):
            return a + float(b)
        if isinstance(a, complex):
            return a + complex(b)
        return NotImplemented

    def __sub__(a, b):
        p = a._operands(b)
        if p is not None:
            return Fraction(a._numerator * p[1] - p[0] * a._denominator,
                            a._denominator * p[1])
        if isinstance(b, float):
            return float(a) - b
        if isinstance(b, complex):
            return complex(a) - b
        return NotImplemented

    def __rsub__(b, a):
        p = b._operands(a)
        if p is not None:
            return Fraction(p[0] * b._denominator - b._numerator * p[1],
                            p[1] * b._denominator)
        if isinstance(a, float):
            return a - float(b)
        if isinstance(a, complex):
            return a - complex(b)
        return NotImplemented

    def __mul__(a, b):
        p = a._operands(b)
        if p is not None:
            return Fraction(a._numerator * p[0], a._denominator * p[1])
        if isinstance(b, float):
            return float(a) * b
        if isinstance(b, complex):
            return complex(a) * b
        return NotImplemented

    def __rmul__(b, a):
        p = b._operands(a)
        if p is not None:
            return Fraction(p[0] * b._numerator, p[1] * b._denominator)
        if isinstance(a, float):
            return a * float(b)
        if isinstance(a, complex):
            return a * complex(b)
        return NotImplemented

    def __truediv__(a, b):
        p = a._operands(b)
        if p is not None:
            if p[0] == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (a._numerator * p[1]))
            return Fraction(a._numerator * p[1], a._denominator * p[0])
        if isinstance(b, float):
            return float(a) / b
        if isinstance(b, complex):
            return complex(a) / b
        return NotImplemented

    def __rtruediv__(b, a):
        p = b._operands(a)
        if p is not None:
            if b._numerator == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (p[0] * b._denominator))
            return Fraction(p[0] * b._denominator, p[1] * b._numerator)
        if isinstance(a, float):
            return a / float(b)
        if isinstance(a, complex):
            return a / complex(b)
        return NotImplemented

    def __floordiv__(a, b):
        p = a._operands(b)
        if p is not None:
            return (a._numerator * p[1]) // (a._denominator * p[0])
        if isinstance(b, float):
            return float(a) // b
        if isinstance(b, complex):
            return complex(a) // b
        return NotImplemented

    def __rfloordiv__(b, a):
        p = b._operands(a)
        if p is not None:
            return (p[0] * b._denominator) // (p[1] * b._numerator)
        if isinstance(a, float):
            return a // float(b)
        if isinstance(a, complex):
            return a // complex(b)
        return NotImplemented

    def __mod__(a, b):
        p = a._operands(b)
        if p is not None:
            da, db = a._denominator, p[1]
            return Fraction((a._numerator * db) % (p[0] * da), da * db)
        if isinstance(b, float):
            return float(a) % b
        if isinstance(b, complex):
            return complex(a) % b
        return NotImplemented

    def __rmod__(b, a):
        p = b._operands(a)
        if p is not None:
            return Fraction(p[0], p[1]) % b
        if isinstance(a, float):
            return a % float(b)
        if isinstance(a, complex):
            return a % complex(b)
        return NotImplemented

    def __divmod__(a, b):
        return (a // b, a % b)

    def __pow__(a, b):
        if isinstance(b, int) or (isinstance(b, Fraction) and b._denominator == 1):
            power = b if isinstance(b, int) else b._numerator
            if power >= 0:
                return Fraction(a._numerator ** power, a._denominator ** power,
                                _normalize=False)
            if a._numerator == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (a._denominator ** -power))
            if a._numerator > 0:
                return Fraction(a._denominator ** -power, a._numerator ** -power,
                                _normalize=False)
            return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power,
                            _normalize=False)
        if isinstance(b, complex):
            return float(a) ** b
        return float(a) ** float(b)

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, int):
            return Fraction(a) ** b
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        return a.__int__()

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            if floor % 2 == 0:
                return floor
            return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __complex__(a):
        return complex(float(a))

    def __float__(a):
        n, d = a._numerator, a._denominator
        try:
            return n / d
        except OverflowError:
            return float(n) / float(d)

    def __hash__(self):
        try:
            dinv = pow(self._denominator, -1, _PyHASH_MODULUS)
        except ValueError:
            hash_ = _PyHASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if type(b) is int or isinstance(b, int):
            return a._numerator == b and a._denominator == 1
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            n, d = _as_pair(other)
            return op(self._numerator * d, self._denominator * n)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, lambda x, y: x < y)

    def __gt__(a, b):
        return a._richcmp(b, lambda x, y: x > y)

    def __le__(a, b):
        return a._richcmp(b, lambda x, y: x <= y)

    def __ge__(a, b):
        return a._richcmp(b, lambda x, y: x >= y)

    def __bool__(a):
        return a._numerator != 0

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _as_pair(x):
    if isinstance(x, Fraction):
        return x._numerator, x._denominator
    return int(x), 1


# A numbers.Rational (registered from either module, whichever is imported second).
import sys as _sys
if 'numbers' in _sys.modules:
    _sys.modules['numbers'].Rational.register(Fraction)
