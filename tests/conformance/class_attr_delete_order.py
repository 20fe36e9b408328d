# Instance attribute order after deleting and setting again is a dict's (the
# attribute goes last), seen through vars(), __dict__ and repr built from them.
class P:
    def __init__(self):
        self.a, self.b, self.c = 1, 2, 3
    def __repr__(self):
        return f"P({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"
p = P()
del p.b
p.b = 20
print(p, list(p.__dict__))
del p.a
p.z = 9
p.a = 10
print(p, p.a, p.b, p.c, p.z)
q = P()
del q.c          # the last one: order unchanged when set again
q.c = 30
q.d = 4
print(q)
r = P()
del r.a, r.b, r.c
print(vars(r))
r.c = 1; r.a = 2
print(vars(r), r.a, r.c, hasattr(r, "b"))
try:
    del r.b
except AttributeError as e:
    print("AttributeError", e)
class S:
    __slots__ = ("x", "y")
s = S(); s.x = 1; s.y = 2
del s.x
s.x = 5
print(s.x, s.y, hasattr(s, "__dict__"))
objs = [P() for _ in range(3)]
for i, o in enumerate(objs):
    del o.a
    o.a = i
print([vars(o) for o in objs], [o.a + o.b + o.c for o in objs])
