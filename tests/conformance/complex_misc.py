# complex with %-formatting, str.format, math, rounding, sequences and string parsing edge cases.
import math
tests = ["'%f' % 1j", "'%d' % 1j", "'%s|%r' % (1j, 2j)", "math.floor(1j)", "'{:d}'.format(1j)", "round(1j, 2)", "divmod(1j, 1j)",
 "sum([1j, 2j], 0j)", "bool(complex('0'))", "pow(1j, 2)", "(1j).__pow__(2)", "pow(2, 1j)", "complex.__new__(complex, 1, 2)", "1j ** 0.5",
 "(-1) ** 0.5", "(-1.0) ** 0.5", "0 ** -1.5", "(-0.0) ** 0.5", "(-8) ** (1/3) == (-8) ** (1/3)", "float('-inf') ** 0.5", "(-1e308) ** 0.5",
 "(-2) ** 0.5 * 2", "hash(1j) == hash(complex(0, 1))", "1j.imag", "[x.real for x in (1j, 2)]", "max(1j, 2j)", "abs(-0j)", "complex(True)", "complex(1, True)",
 "'{0.real} {0.imag}'.format(3+4j)", "complex('1e5') == 1e5", "isinstance(1j, int)", "type(1j.conjugate).__name__",
 "complex(' 1 ')", "complex('1 ')", "complex('(1)')", "complex('-(1)')", "complex('1e1000j')", "complex('0x1')", "complex('1.5e-3+2.5E+3J')"]
for t in tests:
    try: print(t, '->', eval(t))
    except Exception as e: print(t, '->', type(e).__name__, e)
print([1j] * 2, 2 * [1j], "a" * 1j if False else 0)
try:
    [1] * 1j
except TypeError as e:
    print(e)
try:
    "ab" * 2j
except TypeError as e:
    print(e)
try:
    1j + "a"
except TypeError as e:
    print(e)
