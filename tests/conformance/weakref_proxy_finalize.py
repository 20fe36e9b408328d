# weakref.proxy and weakref.finalize.
import gc
import weakref


class Acc:
    def __init__(self, v):
        self.v = v
        self.items = [1, 2, 3]

    def add(self, k):
        self.v += k
        return self.v

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __iter__(self):
        return iter(self.items)

    def __add__(self, other):
        return Acc(self.v + (other.v if isinstance(other, Acc) else other))

    def __eq__(self, other):
        return isinstance(other, Acc) and self.v == other.v

    __hash__ = object.__hash__

    def __lt__(self, other):
        return self.v < other.v

    def __str__(self):
        return f"Acc<{self.v}>"

    def __call__(self, x):
        return x * self.v

    def __bool__(self):
        return self.v != 0


a = Acc(5)
p = weakref.proxy(a)
print(p.v, p.add(2), a.v, len(p), p[1], list(p), str(p), p(3), bool(p))
p.v = 10
print(a.v, (p + 1).v, p == Acc(10), p == a, p < Acc(11), 2 in p)
print(type(p) is weakref.CallableProxyType, weakref.proxy(a) is p, weakref.getweakrefcount(a))
del p.v
print(hasattr(a, "v"))
a.v = 1


class Plain:
    def __init__(self):
        self.x = 1


pl = Plain()
pp = weakref.proxy(pl, lambda wr: print("proxy callback", type(wr).__name__))
print(type(pp) is weakref.ProxyType, pp.x, weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
try:
    hash(pp)
except TypeError as e:
    print("TypeError:", e)
del pl
try:
    pp.x
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    str(pp)
except ReferenceError as e:
    print("ReferenceError:", e)

num = Acc(3)
pn = weakref.proxy(num)
pn += 4
print(num.v, type(pn).__name__)

# finalize: runs func(*args, **kwargs) once, when the object goes or when called.
class Res:
    pass

r = Res()
f = weakref.finalize(r, print, "finalized", "r", sep="-")
print(f.alive, f.atexit, f.peek()[1] is print, f.peek()[2])
del r
print(f.alive, f.peek(), f())

r2 = Res()
f2 = weakref.finalize(r2, lambda *a: print("called", a) or "result", 1, 2)
print(f2(), f2(), f2.alive)
del r2

r3 = Res()
f3 = weakref.finalize(r3, print, "never")
obj, func, args, kwargs = f3.detach()
print(obj is r3, func is print, args, kwargs, f3.alive, f3.detach())
del r3, obj

# Cycles: the finalizer runs when the collector frees them.
class Cyc:
    def __init__(self):
        self.self = self

c = Cyc()
weakref.finalize(c, print, "cycle finalized")
del c
print("collecting")
gc.collect()
print("collected")

# At exit: remaining finalizers run, newest first.
keep1, keep2 = Res(), Res()
weakref.finalize(keep1, print, "at exit 1")
fx = weakref.finalize(keep2, print, "at exit 2")
nope = Res()
fn = weakref.finalize(nope, print, "not at exit")
fn.atexit = False
print("end of program", fn.atexit)
