# dir() of instances, classes and modules (sorted); vars() is the live __dict__.
import math
class Base:
    b_attr = 1
    def b_method(self):
        pass
class Thing(Base):
    t_attr = 2
    def __init__(self):
        self.inst = 3
    def t_method(self):
        pass
t = Thing()
print([n for n in dir(t) if not n.startswith("__")])
print([n for n in dir(Thing) if not n.startswith("__")])
print("__init__" in dir(t), "__class__" in dir(t), dir(t) == sorted(dir(t)))
print([n for n in dir(math) if n in ("pi", "sqrt", "floor")], dir(math) == sorted(dir(math)))
print(vars(t), vars(t) is t.__dict__)
vars(t)["added"] = 5
print(t.added, sorted(vars(t)))
t.__dict__.update(x=1)
print(t.x, "x" in dir(t))
del t.__dict__["inst"]
print(hasattr(t, "inst"))
print(sorted(k for k in vars(Thing) if not k.startswith("__")))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
def f():
    a = 1
    b = 2
    return sorted(dir())
print(f())
print(vars(math)["pi"], sorted(k for k in vars() if k in ("t", "Thing", "math")))
try:
    dir(1, 2)
except TypeError as e:
    print("TypeError:", e)
print([n for n in dir([]) if not n.startswith("_")])
