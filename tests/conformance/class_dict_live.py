# obj.__dict__ is live: writes through it are attribute writes and vice versa.
class P:
    def __init__(self):
        self.a = 1
p = P()
d = p.__dict__
d["b"] = 2
p.c = 3
print(p.b, d, p.__dict__ is d)
del d["a"]
print(hasattr(p, "a"), p.__dict__)
p.__dict__.clear()
print(vars(p), hasattr(p, "b"))
for i in range(5):
    setattr(p, f"x{i}", i)
print(sorted(p.__dict__.items()))
q = P()
q.__dict__.update({"z": 26, "a": 0})
print(q.z, q.a, len(q.__dict__))
class Sub(P):
    cls_attr = 1
s = Sub()
print(s.__dict__, "cls_attr" in s.__dict__, Sub.__dict__["cls_attr"])
del s.a
try:
    del s.a
except AttributeError as e:
    print("AttributeError:", e)
print(s.__dict__)
