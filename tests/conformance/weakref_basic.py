# weakref.ref: dereferencing, clearing when the referent is freed, callbacks,
# sharing, hashing and equality, and what cannot be weakly referenced.
import gc
import sys
import weakref


class A:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"A({self.name})"


a = A("a")
r = weakref.ref(a)
print(r() is a, r(), type(r).__name__, r.__callback__)
print(weakref.ref(a) is r, weakref.getweakrefcount(a))
del a
print(r(), r() is None)

log = []
b = A("b")
r1 = weakref.ref(b, lambda wr: log.append(("cb1", wr() is None)))
r2 = weakref.ref(b, lambda wr: log.append(("cb2", wr is r2)))
r0 = weakref.ref(b)
print(r1 is r2, r0 is weakref.ref(b), weakref.getweakrefcount(b))
print([w is r0 for w in weakref.getweakrefs(b)], [w is r2 for w in weakref.getweakrefs(b)])
print(b.__weakref__ is r0)
b2 = b
del b
print("still alive", r0() is b2, log)
del b2
print("freed", log, r1(), r2(), r1.__callback__)

# A weak reference that dies first never calls back.
c = A("c")
rc = weakref.ref(c, lambda wr: print("never"))
del rc
del c
print("no callback")

# Objects in a reference cycle: cleared by the collector.
x = A("x")
y = A("y")
x.other, y.other = y, x
rx = weakref.ref(x, lambda wr: print("x collected"))
del x, y
print("before collect", rx() is not None)
gc.collect()
print("after collect", rx())

# Hash and equality follow the referent while it lives.
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v

k1, k2 = K(1), K(1)
w1, w2 = weakref.ref(k1), weakref.ref(k2)
print(w1 == w2, w1 != w2, hash(w1) == hash(1), w1 == k1)
h = hash(w1)
del k1
print(w1 == w2, w1 == w1, w1 != w2, hash(w1) == h)
k3 = K(3)
w3 = weakref.ref(k3)
del k3
try:
    hash(w3)
except TypeError as e:
    print("TypeError:", e)

# What can and cannot be weakly referenced.
def f():
    pass

class S:
    __slots__ = ("x",)

class SW:
    __slots__ = ("x", "__weakref__")

class SS(S):
    pass

class SE(S):
    __slots__ = ()

class L(list):
    pass

class E(Exception):
    pass

def gen():
    yield 1

for v in [1, "s", (1,), [1], {}, None, 1.5, b"x", object(), range(3), Exception(),
          3j, True, frozenset(), set(), len, A, int, f, A("m").__repr__, sys, gen(),
          lambda: 1, S(), SW(), SS(), SE(), L(), E(), weakref.ref(A)]:
    try:
        weakref.ref(v)
        print("ok", type(v).__name__)
    except TypeError as e:
        print(e)

for args in [(), (A, None, 3)]:
    try:
        weakref.ref(*args)
    except TypeError as e:
        print("TypeError:", e)

# Callbacks see the weak reference; a class referent; a function referent.
def g():
    return 42
rg = weakref.ref(g, lambda wr: print("g gone", wr() is None))
print(rg()())
del g
print(type(weakref.ref(A)), weakref.ref is weakref.ReferenceType)
print(issubclass(weakref.ReferenceType, object), isinstance(r, weakref.ref))

# Subclasses of ref carry their own state.
class NamedRef(weakref.ref):
    __slots__ = ("label",)
    def __new__(cls, obj, label, callback=None):
        self = super().__new__(cls, obj, callback)
        self.label = label
        return self
    def __init__(self, obj, label, callback=None):
        super().__init__(obj, callback)

n = A("n")
nr = NamedRef(n, "the n", lambda wr: print("NamedRef callback", wr.label))
print(nr.label, nr(), isinstance(nr, weakref.ref), nr is weakref.ref(n))
del n
print("end")

# A callback that raises is reported on stderr and ignored.
e = A("e")
re_ = weakref.ref(e, lambda wr: 1 / 0)
del e
print("after failing callback", re_())

# Weak references are atoms for the copy module.
import copy
t = A("t")
wt = weakref.ref(t)
print(copy.copy(wt) is wt, copy.deepcopy([wt])[0] is wt, weakref.ref[int])

# Calling a weak reference takes no arguments; ref() takes no keywords.
for call in (lambda: wt(1), lambda: wt(x=1), lambda: weakref.ref(t, callback=None)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
