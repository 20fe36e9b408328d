# Subclasses of complex (and the number attributes of int/float subclasses); complex's
# arithmetic dunders called directly.
class C(complex):
    def describe(self):
        return 'C' + repr(self)
c = C(1, 2)
print(c, repr(c), type(c).__name__, c.real, c.imag, c.conjugate(), c.describe(), isinstance(c, complex))
print(c + 1, type(c + 1).__name__, c * c, abs(C(3, 4)), c == 1 + 2j, hash(c) == hash(1 + 2j), -c, format(c, '.1f'))
class D(complex):
    def __add__(self, other):
        return 'custom add'
    def __repr__(self):
        return 'D!'
d = D('3+4j')
print(d + 1, 1 + d, repr(d), str(d), f"{d}", complex(d), bool(D()), D(5).real)
class E(complex):
    def __new__(cls, re, im=0):
        return super().__new__(cls, re * 2, im)
print(E(1, 1), type(E(1)).__name__)
print((1j).__add__(1), (1j).__radd__(2.5), (1j).__eq__(1j), (1j).__abs__(), (1j).__neg__(), (0j).__bool__(), (1j).__mul__('x'))
print(int.__add__(1, 2), float.__eq__(1.0, 1), (1.5).__add__(1j), (1).__add__(1j))
class I(int): pass
class F(float): pass
print(I(3).real, I(3).imag, F(2.5).real, F(2.5).imag, I(3).numerator, I(4).denominator)
