# complex(): from numbers, strings, keywords and objects with __complex__/__float__/__index__.
print(complex(), complex(1), complex(1.5, 2), complex(-0.0), complex(0, -0.0), complex(True, False))
print(complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(2j), complex(1, 2j), complex(real=3, imag=4),
      complex(imag=2), complex(real=1j))
for s in ['1+2j', ' (1-2J) ', 'j', '-j', '+J', '3', '-4.5', '2j', '1e3j', '1e-3-1e3j', 'inf', '-infj',
          'nan+nanj', 'infinity-infinityj', '1_000+2_0j', '  7  ', '(5)', '1.+.5j', '.5j', '1+j',
          '-1-j', '\t(2+3j)\n', '1E+2+1E-2J']:
    z = complex(s)
    print(repr(s), z, z.real, z.imag)
for s in ['x', '1+2', '1+2jj', '(1+2j', '1+2j)', '', ' ', '1 + 2j', 'j1', '1__0', '_1', '1_', '++1j',
          '1e', 'infi', '()', '1+2i', 'nanj+1']:
    try:
        complex(s)
        print(repr(s), 'accepted')
    except ValueError as e:
        print(repr(s), 'ValueError:', e)


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 7


class C:
    def __complex__(self):
        return 3 - 1j


class Bad:
    def __complex__(self):
        return 5


print(complex(F()), complex(I()), complex(C()), complex(F(), I()), complex(C(), 1))
tests = [lambda: complex('1', 2), lambda: complex(1, '2'), lambda: complex([]),
         lambda: complex(1, []), lambda: complex(None), lambda: complex(Bad()),
         lambda: complex(1, 2, 3), lambda: complex(real=1, foo=2), lambda: complex(1, real=2),
         lambda: complex(2 ** 2000), lambda: int(1j), lambda: float(1j), lambda: round(1j),
         lambda: 1j < 2j, lambda: 1j >= 1, lambda: 1j // 2, lambda: 1j % 2, lambda: divmod(1j, 2),
         lambda: 1j / 0, lambda: 1 / 0j, lambda: 0j ** -1, lambda: 0j ** 1j, lambda: pow(1j, 2, 3),
         lambda: abs(complex(1e308, 1e308)), lambda: (1e200 + 1e200j) ** 5, lambda: sorted([1j, 2j]),
         lambda: (1j).foo, lambda: (1j).real.imag.foo, lambda: 1j & 1, lambda: ~1j, lambda: [1][1j],
         lambda: (1j).conjugate(1), lambda: complex.conjugate(1)]
for t in tests:
    try:
        print('ok', t())
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(complex.conjugate(2 + 3j), (1j).__complex__(), (1.5 + 2j).__getnewargs__())
z = 5j
z = z / (1 - 1j) + 0.5
print(z)
print(z < 1)
