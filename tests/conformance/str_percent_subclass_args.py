# str % x with subclass instances of int/float/str: str.__mod__ sees the instance
# itself (its __str__/__repr__), %f takes __float__, and a str subclass __rmod__.
class I(int):
    def __str__(self): return 'I-str'
    def __repr__(self): return 'I-repr'
    def __format__(self, spec): return 'I-fmt'
class F(float):
    def __str__(self): return 'F-str'
    def __repr__(self): return 'F-repr'
class S(str):
    def __str__(self): return 'S-str'
    def __repr__(self): return 'S-repr'
for v in [I(5), F(1.5), S('x')]:
    print('%s|%r|%a' % (v, v, v), str(v), repr(v), f'{v}', f'{v!s}', f'{v!r}', format(v), '{}'.format(v), '{!s}'.format(v), [v], (v,), {v: v})
print('%d %i %x %5.1f' % (I(5), I(6), I(255), F(2.25)))
print('%(a)s' % {'a': I(1)}, '%c' % I(65), str(I(3) + 1), I(3) + 1)
import enum
class E(enum.IntEnum):
    A = 1
print('%s %d %r' % (E.A, E.A, E.A), str(E.A), f'{E.A}', format(E.A, 'd'))
class I(int):
    def __str__(self): return 'I-str'
class N:
    def __float__(self): return 2.5
class R(int):
    def __rmod__(self, o): return 'rmod'
class S(str):
    def __rmod__(self, o): return 'S-rmod'
class S2(str):
    def __str__(self): return 'S2-str'
print('%s' % I(5), '%.2f' % N(), '%s' % R(1), '%d' % I(7), '%x' % I(255), '%r' % I(3))
print('%s' % S('x'), 'a%sb' % S2('y'), '%s' % S2('z'), '%s-%s' % (S2('p'), I(1)))
class M(dict): pass
print('%(a)s' % M(a=I(2)))
from collections import namedtuple
P = namedtuple('P', 'x y')
print('%d-%d' % P(1, 2), '%s' % (P(1, 2),))
class T(tuple):
    pass
print('%s %s' % T((1, 2)))
try:
    print('%s' % T((1, 2)))
except TypeError as e:
    print(e)
