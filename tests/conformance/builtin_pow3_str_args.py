# three-argument pow with non-int operands; str() with encoding/errors of wrong types
for args in [(2, 3, 5.0), (2.0, 3, 5), ("a", 2, 3), (2, "b", 3), (2, 3, "c"), (1j, 2, 3), (2, 3, 1j), (2.0, 3, 1j), (1j, 2, 3.0), ("a", 2, 5.0), (2, 3, None)]:
    try:
        print(pow(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for args in [(1, 2), (b"a", 2), (b"a", "utf-8", 3), ("x", "utf-8")]:
    try:
        print(str(*args))
    except TypeError as e:
        print(type(e).__name__, e)
class A:
    pass
class P:
    def __pow__(self, e, m=None):
        return ("P.__pow__", e, m)
    def __rpow__(self, b):
        return "rpow"
for args in [(2, 3, A()), (A(), 2, 3), (P(), 2, 3), (2, P(), 3), (2, 3, P()), (True, 2, 3), (2, -1, 7), (2, 3, -5)]:
    try:
        print(pow(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
