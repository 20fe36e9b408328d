# __slots__ names are member descriptors in the class namespace.
class P:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
print(P.x, type(P.x).__name__, P.__dict__["y"], sorted(k for k in P.__dict__ if not k.startswith("__")))
p = P()
print(p.x, hasattr(p, "y"))
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
class Q(P):
    __slots__ = ("z", "__dict__")
q = Q()
q.z = 3; q.w = 4; q.x = 5
print(Q.z, q.__dict__, q.z, q.x, [n for n in dir(q) if n in ("x", "y", "z", "w")])
class G:
    __slots__ = ("a",)
    def __getattr__(self, n):
        return "fallback " + n
print(G().a, G.a)
