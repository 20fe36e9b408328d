# __setattr__ and __delattr__ overrides, object.__setattr__/__delattr__.
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}")
fz = Frozen(3)
print(fz.x)
for action in (lambda: setattr(fz, "x", 1), lambda: delattr(fz, "x")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
class Tracked:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
t = Tracked()
t.a = 1
t.b = [2]
del t.a
print(hasattr(t, "a"), t.b)
try:
    del t.zzz
except AttributeError as e:
    print("AttributeError:", e)
class Plain:
    pass
pl = Plain()
object.__setattr__(pl, "k", 5)
print(pl.k)
object.__delattr__(pl, "k")
print(hasattr(pl, "k"))
setattr(pl, "dyn", "amic")
print(getattr(pl, "dyn"))
delattr(pl, "dyn")
try:
    delattr(pl, "dyn")
except AttributeError as e:
    print("AttributeError:", e)
