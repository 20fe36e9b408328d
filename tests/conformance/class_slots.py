# __slots__: only the listed attributes, no __dict__, inherited by subclasses.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, P.__slots__)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "__dict__"), hasattr(p, "x"))
class Q:
    __slots__ = ("a",)
q = Q()
try:
    q.a
except AttributeError as e:
    print("unset slot:", e)
q.a = 5
del q.a
print(hasattr(q, "a"))
class P3(P):
    __slots__ = ("z",)
p3 = P3(1, 2)
p3.z = 3
print(p3.x, p3.y, p3.z)
try:
    p3.w = 4
except AttributeError as e:
    print("AttributeError:", e)
class Free(P):
    pass
f = Free(1, 2)
f.w = 9
print(f.w, f.__dict__)
class One:
    __slots__ = "only"
o = One()
o.only = 1
print(o.only)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError:", e)
class S:
    __slots__ = ()
try:
    S().anything = 1
except AttributeError as e:
    print("AttributeError:", e)
