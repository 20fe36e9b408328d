# printf-style formatting of objects that convert themselves: %d through __int__ or
# __index__, %x/%o through __index__ only, %f/%e/%g through __float__ or __index__.
class F:
    def __float__(self):
        return 2.5

class I:
    def __int__(self):
        return 42

class X:
    def __index__(self):
        return 255

class Both:
    def __int__(self):
        return 7
    def __float__(self):
        return 7.75

class BadFloat:
    def __float__(self):
        return "nope"

print("%f %.1e %g" % (F(), F(), F()))
print("%d %i %5d" % (I(), I(), I()))
print("%d %x %X %o %#x" % (X(), X(), X(), X(), X()))
print("%f %e" % (X(), X()))
print("%d %.2f" % (Both(), Both()))
for fmt, v in [("%x", I()), ("%f", I()), ("%d", F()), ("%f", object()), ("%d", "3"), ("%f", BadFloat())]:
    try:
        print(fmt % v)
    except TypeError as e:
        print("TypeError:", e)
