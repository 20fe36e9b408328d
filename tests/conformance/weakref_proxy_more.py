import weakref
class A:
    x = 1
    def m(self): return "m"
a = A()
p = weakref.proxy(a)
print(isinstance(p, A), p.__class__ is A, type(p).__name__, callable(p), p.m(), p.x)
print(p == p, p != a, weakref.getweakrefcount(a), weakref.getweakrefs(a)[0] is p)
try:
    weakref.proxy(p)
except TypeError as e:
    print(e)
try:
    weakref.ref(p)
except TypeError as e:
    print(e)
class L(list): pass
l = L([3, 1, 2])
pl = weakref.proxy(l)
pl.append(0)
print(len(pl), sorted(pl), pl[0], 3 in pl, pl + [9], [9] + pl if False else "", list(reversed(pl)))
pl.sort()
print(l, pl[-1])
def fn(x): return x * 2
pf = weakref.proxy(fn)
print(type(pf).__name__, pf(21), pf.__name__)
n = A()
pn = weakref.proxy(n, lambda p: print("cb got proxy", type(p).__name__))
del n
try:
    bool(pn)
except ReferenceError as e:
    print("ReferenceError", e)
try:
    pn == 1
except ReferenceError as e:
    print("ReferenceError", e)
print(weakref.proxy(a) is p, weakref.proxy(a, lambda p: None) is p)
class A: pass
class B:
    @property
    def __class__(self):
        return A
class C:
    def __getattribute__(self, n):
        if n == "__class__":
            raise AttributeError(n)
        return object.__getattribute__(self, n)
print(isinstance(B(), A), isinstance(B(), B), isinstance(C(), C), isinstance(C(), A), type(B()).__name__)
