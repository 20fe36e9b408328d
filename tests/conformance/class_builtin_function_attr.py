# Built-in functions stored in a class are not descriptors (no binding); built-in
# methods are.
import math
import time


class A:
    f = len
    g = math.sqrt
    h = time.localtime
    k = abs
    up = str.upper
    conv = staticmethod(math.floor)


a = A()
print(a.f("abc"), a.g(16), type(a.h(0)).__name__, a.k(-3), A.f("ab"), A.g(9.0))
print(a.f is len, A.__dict__["g"] is math.sqrt, a.conv(2.7))
print(A.up("x"))
try:
    a.up()
except TypeError as e:
    print("TypeError", e)


class Fmt:
    converter = time.gmtime

    def year(self, t):
        return self.converter(t).tm_year


print(Fmt().year(0), Fmt().year(86400 * 366).__class__.__name__)
