# Class attribute lookups are cached per (class, name): every change to a class
# must be seen by the next lookup.
import gc


class Base:
    def f(self):
        return "Base.f"

    kind = "base"


class Mid(Base):
    pass


class Leaf(Mid):
    pass


def calls(o, n=200):
    out = set()
    for _ in range(n):
        out.add(o.f())
    return sorted(out)


x = Leaf()
print(calls(x), Leaf.kind)
Mid.f = lambda self: "Mid.f"
print(calls(x))
Leaf.f = lambda self: "Leaf.f"
print(calls(x))
del Leaf.f
print(calls(x))
del Mid.f
print(calls(x), hasattr(Leaf, "g"))
Base.g = 5
print(hasattr(Leaf, "g"), Leaf.g, getattr(x, "g", None))
Base.kind = "changed"
print(Leaf.kind, x.kind)
setattr(Mid, "kind", "mid")
print(Leaf.kind, [type(o).kind for o in (x, Mid(), Base())])


# Special methods through the cache.
class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(self.v + o.v)

    def __len__(self):
        return 1


a = Num(1)
t = a
for _ in range(100):
    t = t + a
print(t.v, len(a))
Num.__add__ = lambda self, o: Num(self.v * 2 + o.v)
Num.__len__ = lambda self: 7
t = a
for _ in range(5):
    t = t + a
print(t.v, len(a))


# Classes created and freed in a loop, possibly at the same address.
results = []
for i in range(50):
    class Tmp:
        val = i

        def get(self):
            return self.val
    results.append(Tmp().get())
    del Tmp
    gc.collect()
print(sum(results), results[:5], results[-3:])


# A dict subclass whose __missing__ appears later.
class D(dict):
    pass


d = D()
try:
    d["k"]
except KeyError as e:
    print("KeyError", e)
D.__missing__ = lambda self, k: "missing " + k
print(d["k"])
del D.__missing__
try:
    d["k"]
except KeyError as e:
    print("KeyError again", e)


# Properties added and removed.
class P:
    def __init__(self):
        self._x = 3


p = P()
print(getattr(p, "x", "none"))
P.x = property(lambda self: self._x * 10)
print(p.x, sum(p.x for _ in range(100)))
del P.x
print(getattr(p, "x", "none"))
