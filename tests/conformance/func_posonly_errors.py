def posonly(a, b, /, c):
    return a + b + c
print(posonly(1, 2, c=3), posonly(1, 2, 3))
for call in [lambda: posonly(a=1, b=2, c=3), lambda: posonly(1, b=2, c=3),
             lambda: posonly(b=1, a=2, c=3)]:
    try:
        call()
    except TypeError as e:
        print(e)
def po_kw(a, /, **kw):
    return a, kw
print(po_kw(1, a=2))
class K:
    def m(self, x, /, y=0):
        return x + y
try:
    K().m(x=1)
except TypeError as e:
    print(e)
print(int.__format__(255, "x"), float.__format__(0.5, ".2%"), int.__format__(7, ""))
class I(int):
    pass
print(format(I(5), "03d"), int.__format__(I(42), ">5"), f"{I(3):+}")
from enum import IntEnum
class A(IntEnum):
    X = 5
print(format(A.X, "03d"), f"{A.X:>4}", f"{A.X}")
