# complex numbers: literals, constructor, arithmetic with int/float mixing, **, abs,
# attributes, equality, hashing and repr/str.
nan = float('nan')
inf = float('inf')
vals = [1j, -1j, 0j, -0j, 2.5j, 1 + 2j, -3.25 - 0.5j, complex(-0.0, 0.0), complex(0.0, -0.0),
        complex(-0.0, -0.0), complex(nan, inf), complex(1, nan), complex(-inf, -inf),
        1e16j, 1.5 + 1e-7j, complex(1e300 * 10, 0), 123456789.125 + 0.1j]
for z in vals:
    print(repr(z), str(z), z.real, z.imag, z.conjugate(), -z, +z, bool(z))
print([type(z).__name__ for z in (1j, 1 + 1j, complex(2))], isinstance(1j, complex))
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, a ** 2, a ** -2, a ** 0.5, a ** b, b ** a)
print(a + 1, 1 + a, a - 2.5, 2.5 - a, a * 3, 3 * a, a / 2, 2 / a, a * True, a + False)
print(2 ** (1j), (1j) ** (1j), 1j ** 2, 1j ** 3, 1j ** 101, (1 + 1j) ** 100, (2 + 0j) ** -3)
print((-8) ** (1 / 3), (-8) ** 0.5, (-1) ** 0.5, (-2.0) ** 1.5, (-8.0) ** (2 / 3), pow(-27, 1 / 3))
print(2 ** -1, (-2) ** -2, (-8) ** 2, (-8.0) ** 3.0, pow(-2, 0.5), 0j ** 0, 0j ** 2, 0 ** 0j)
print(abs(3 + 4j), abs(-5j), abs(0j), abs(complex(inf, nan)), abs(complex(nan, 1)), abs(1e300 + 1e300j))
print(1 + 0j == 1, 1j == 1j, 1 + 0j == 1.0, 2j != 2, 1j == 'x', 1j != None, 2 ** 60 + 0j == 2 ** 60,
      complex(2 ** 53 + 1) == 2 ** 53 + 1, 0j == False, 1 + 0j == True)
print({1: 'int'}[1 + 0j], {1.5 + 0j: 'c'}[1.5], 1j in [2, 1j], (2 + 0j) in {2}, len({1, 1 + 0j, 1.0}))
print(hash(1j), hash(1 + 2j), hash(complex(1.5, -2.25)), hash(complex(-1, 0)), hash(2 + 0j) == hash(2),
      hash(complex(0.5, 0)) == hash(0.5), hash(complex(inf, -inf)))
print(sum([1j, 2, 3.5]), sum([0.5j] * 4, 1j), 1j * 1j, (1e308 + 1e308j) * 2, 1j * inf, inf / (1 + 1j))
print(complex(1, 2) / complex(0.0, 1e-310), complex(inf, 1) / complex(inf, 1), (1 + 2j) / complex(nan, 0))
x = 1 + 1j
x += 2
x *= 1j
x -= 0.5
x /= 2
x **= 2
print(x, [z * z for z in (1j, 2j, 3j)], sorted([3 + 0j, 1j, 2], key=abs), max([1j, -3, 2 + 2j], key=abs))
print(f"{1+2j}", f"{-1.5j!r}", f"{complex(1, -0.0)!s}", "%s %r" % (1j, 2 + 3j), str([1j, -0j]), (1j, 2))
print(divmod(7, 2), round(2.5), int(3.9), float(2))
