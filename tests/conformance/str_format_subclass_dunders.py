# str()/repr()/format() of int, float and str subclasses with their own __str__, and
# the type checks on what __repr__ and __format__ return
class MyInt(int):
    def __str__(self): return "my"
    def __repr__(self): return "MyInt()"
m = MyInt(5)
print(m, f"{m}", f"{m:d}", f"{m!r}", format(m), format(m, ""), format(m, "03"), "%s %d %r" % (m, m, m), str(m), repr(m), [m])
class MyFloat(float):
    def __str__(self): return "myf"
f = MyFloat(1.5)
print(f, f"{f}", f"{f:.2f}", format(f), "%s %f" % (f, f), [f])
class MyStr(str):
    def __str__(self): return "mystr"
s = MyStr("abc")
print(s, f"{s}", f"{s:>5}", format(s), "%s" % s, s + "x", s.upper(), [s], str(s), repr(s))
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
try:
    print([BadRepr()])
except TypeError as e:
    print(e)
class OnlyRepr:
    def __repr__(self): return "OnlyRepr!"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}", "%s" % OnlyRepr(), format(OnlyRepr()))
class Fmt:
    def __format__(self, spec): return f"<{spec}>"
print(f"{Fmt()}", f"{Fmt():abc}", format(Fmt(), "x"), "{:q}".format(Fmt()), "{0:{1}}".format(Fmt(), "nested"))
class BadFmt:
    def __format__(self, spec): return 1
try:
    f"{BadFmt()}"
except TypeError as e:
    print(e)
import enum
class Color(enum.IntEnum):
    RED = 1
print(f"{Color.RED}", f"{Color.RED:d}", f"{Color.RED:>5}", str(Color.RED), format(Color.RED, ""), "%s %d" % (Color.RED, Color.RED))
class E(Exception):
    def __str__(self): return "custom E"
print(E("x"), f"{E('y')}", repr(E("z")), [E()])
print(f"{True:d}", f"{True}", f"{True:>6}", format(False, "x"), f"{None!s:>5}", f"{None}")
print(f"{3+4j}", f"{3+4j:.2f}", f"{1e10:,.0f}", f"{12345:,}", f"{-0.0:.1f}", f"{float('inf'):e}", f"{1.0:g}", f"{1.0:#g}")
class BadFmt:
    def __format__(self, spec): return 1
for f in [lambda: f"{BadFmt()}", lambda: format(BadFmt()), lambda: "{}".format(BadFmt()), lambda: f"{BadFmt():x}"]:
    try:
        print(repr(f()))
    except TypeError as e:
        print(e)
