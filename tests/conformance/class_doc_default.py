# Every class has its own __doc__ in its namespace (None without a docstring):
# instances, subclasses and exception subclasses read that one.
class D:
    pass


class E:
    "doc of E"
    x = 1


class F(E):
    __slots__ = ("a",)


class G(Exception):
    pass


class H(G):
    """doc of H"""


print(D.__doc__, D().__doc__, E.__doc__, E().__doc__, F.__doc__, F().__doc__)
print(G.__doc__, G().__doc__, H().__doc__, "__doc__" in D.__dict__, D.__dict__["__doc__"])
print([k for k in E.__dict__ if not k.startswith("__")], list(F.__dict__))
obj = D()
for n in dir(obj):
    if n != "__weakref__":
        getattr(obj, n)
print("__doc__" in dir(obj), getattr(obj, "__doc__", "missing"))
D.__doc__ = "set later"
print(D().__doc__, hasattr(G(), "__doc__"))
