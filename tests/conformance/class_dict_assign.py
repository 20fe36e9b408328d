# Replacing obj.__dict__, and errors raised by __set_name__ (wrapped in RuntimeError).
class A:
    pass
a = A()
a.old = 0
shared = {"q": 1}
a.__dict__ = shared
print(a.q, hasattr(a, "old"), a.__dict__ is shared)
a.w = 2
print(shared, vars(a) is shared)
b = A()
b.__dict__ = shared
b.q = 99
print(a.q, b.w)
try:
    a.__dict__ = [("x", 1)]
except TypeError as e:
    print("TypeError:", e)
class S:
    __slots__ = ("v",)
try:
    S().__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError(f"refusing {name}")
try:
    class Holder:
        field = Bad()
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
class Holder2:
    ok = 1
    field = Bad()
