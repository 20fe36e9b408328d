# Errors involving subclasses of built-in types.
class L(list): pass
class D(dict): pass
class I(int): pass
class S(str): pass
for f in (lambda: L(1, 2), lambda: I("x"), lambda: D(5), lambda: S(b"x", "nope"), lambda: L()[0],
          lambda: D()["k"], lambda: hash(L()), lambda: I(1) + "a", lambda: S("a") - 1, lambda: I(1) / 0):
    try:
        f()
        print("ok")
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    class B(bool): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class R(range): pass
except TypeError as e:
    print("TypeError:", e)
class Neg(int):
    def __neg__(self):
        raise ArithmeticError("no negation")
print(Neg(3) + 1)
-Neg(3)
