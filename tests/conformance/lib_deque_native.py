# collections.deque: every method, the sequence protocol, maxlen, comparisons,
# arithmetic, repr, copying and subclassing (lethe's deque is native).
from collections import deque
import collections.abc as cabc
import copy


class Idx:
    def __index__(self):
        return 1


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


d = deque()
print(d, len(d), bool(d), d.maxlen)
d = deque([1, 2, 3])
print(d, len(d), bool(d), list(d), list(reversed(d)))
d.append(4)
d.appendleft(0)
print(d, d[0], d[-1], d[2], d[-5])
print(d.pop(), d.popleft(), d)
d.extend(range(4, 8))
d.extendleft("ab")
print(d)
d.extend(d)
print(d)
d.extendleft(d)
print(len(d), d.count(1), d.count("a"), d.count(99))
d.clear()
print(d, len(d))

# maxlen
m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10)
print(m)
m.appendleft(-1)
print(m)
m.extend([20, 21])
print(m)
m.extendleft([30, 31, 32, 33])
print(m)
z = deque([1, 2, 3], 0)
print(z, len(z), z.maxlen)
z.append(1)
z.appendleft(2)
z.extend([1, 2])
print(z)
print(deque(maxlen=None), deque([], 5), deque(iterable=[1, 2], maxlen=4))
print(deque([1, 2, 3], maxlen=True))
show("neg maxlen", lambda: deque([], -1))
show("str maxlen", lambda: deque([], "3"))
show("float maxlen", lambda: deque([], 1.5))
show("index maxlen", lambda: deque([], Idx()))
show("huge maxlen", lambda: deque([], 2**70))
show("three args", lambda: deque([], 1, 2))
show("bad kw", lambda: deque(foo=1))
show("not iterable", lambda: deque(5))
show("set maxlen", lambda: setattr(m, "maxlen", 5))
show("new attr", lambda: setattr(m, "x", 5))

# re-initialisation
r = deque([1, 2, 3])
r.__init__([7, 8], 1)
print(r, r.maxlen)
r.__init__()
print(r, r.maxlen)

# rotate
for n in (0, 1, 2, -1, -2, 5, -7, 12):
    x = deque(range(5))
    x.rotate(n)
    print("rotate", n, x)
e = deque()
e.rotate(3)
e.rotate()
print(e)
one = deque([1])
one.rotate(-5)
print(one)
show("rotate str", lambda: deque([1]).rotate("a"))
show("rotate float", lambda: deque([1, 2]).rotate(1.0))
show("rotate 2 args", lambda: deque([1]).rotate(1, 2))
big = deque(range(4))
big.rotate(10**15 + 1)
print(big)
show("rotate huge", lambda: deque([1, 2]).rotate(10**30))

# reverse, insert, remove, index
x = deque(range(6))
x.reverse()
print(x)
x.insert(0, "a")
x.insert(-1, "b")
x.insert(100, "c")
x.insert(-100, "d")
x.insert(3, "e")
print(x)
x.remove("e")
x.remove(0)
print(x)
show("remove missing", lambda: x.remove(42))
print(x.index(3), x.index("c"), x.index(3, 2), x.index(3, -6), x.index(3, 0, 100))
show("index missing", lambda: x.index(42))
show("index range", lambda: x.index(5, 4))
show("index no args", lambda: x.index())
show("index bad start", lambda: x.index(5, "a"))
print(x.index(5, -100, 100), x.index("c", -1))
full = deque([1, 2], maxlen=2)
show("insert full", lambda: full.insert(0, 3))
show("insert str", lambda: x.insert("a", 1))

# indexing
y = deque("abcdef")
print(y[0], y[5], y[-1], y[-6], y[True])
y[1] = "B"
y[-1] = "F"
print(y)
del y[0]
del y[-1]
del y[1]
print(y)
show("get range", lambda: y[10])
show("get neg range", lambda: y[-10])
show("get str", lambda: y["a"])
show("get slice", lambda: y[1:2])
show("get float", lambda: y[1.0])
show("set range", lambda: y.__setitem__(7, 1))
show("del range", lambda: y.__delitem__(-7))
show("get big", lambda: y[10**20])


print(y[Idx()], y.index("d", Idx()))

# empty pops
show("pop empty", lambda: deque().pop())
show("popleft empty", lambda: deque().popleft())
show("pop arg", lambda: deque([1]).pop(0))
show("append no arg", lambda: deque().append())
show("append kw", lambda: deque().append(x=1))

# membership, count
c = deque([1, 2.0, "x", None, 2])
print(2 in c, 3 in c, None in c, "x" in c, c.count(2), c.count(None))
nan = float("nan")
print(deque([nan]).count(nan), nan in deque([nan]))

# comparisons
a = deque([1, 2, 3])
print(a == deque([1, 2, 3]), a != deque([1, 2, 3]), a == deque([1, 2]), a != deque([1]))
print(a < deque([1, 2, 4]), a <= deque([1, 2, 3]), a > deque([1, 2]), a >= deque([2]))
print(a < deque([1, 2, 3, 0]), deque() < deque([0]), deque() <= deque(), deque([1]) > deque())
print(a == [1, 2, 3], a != [1, 2, 3], [1, 2, 3] == a, a == (1, 2, 3))
print(a.__eq__([1, 2, 3]), a.__lt__([1]), a.__ne__(5))
show("lt list", lambda: a < [1, 2])
show("ge tuple", lambda: a >= (1,))
show("lt mixed", lambda: deque([1]) < deque(["a"]))
print(deque([1, "a"]) == deque([1, "a"]), deque([1, "a"]) == deque([1, 2]))
print(deque([1], maxlen=5) == deque([1]))

# arithmetic
p = deque([1, 2], maxlen=3)
print(p + deque([3, 4]), deque([1]) + deque([2], maxlen=1))
show("add list", lambda: p + [1])
show("radd", lambda: [1] + p)
q = deque([1, 2])
q += [3, 4]
q += "ab"
print(q)
print(deque([1, 2]) * 3, 2 * deque(["x"]), deque([1]) * 0, deque([1, 2]) * -1)
print(deque([1, 2, 3], maxlen=4) * 3, deque([1, 2], maxlen=5) * 2)
w = deque([1, 2], maxlen=5)
w *= 3
print(w)
w *= 1
print(w)
w *= 0
print(w)
v = deque([5])
v *= 3
print(v)
show("mul float", lambda: deque([1]) * 1.5)
show("mul str", lambda: deque([1]) * "a")
try:
    v *= 2.0
except TypeError as e:
    print("imul float", e)
show("index 4 args", lambda: x.index(1, 2, 3, 4))
show("insert 1 arg", lambda: x.insert(1))
show("hash", lambda: hash(deque()))
show("sub", lambda: deque() - deque())
show("neg", lambda: -deque())

# repr
print(repr(deque()), repr(deque([], 2)), repr(deque(["a", 1.5, None, (1,)])))
rec = deque([1])
rec.append(rec)
print(rec)
inner = deque()
outer = [inner]
inner.append(outer)
print(outer, inner)
print(str(deque([1, 2])), f"{deque([3])}", "%s" % (deque([4]),))

# iteration
it = iter(deque([1, 2, 3]))
print(type(it).__name__, next(it), it.__length_hint__(), list(it), next(it, "end"))
rit = reversed(deque([1, 2, 3]))
print(type(rit).__name__, list(rit), list(rit))
print(iter(it) is it)
print([v for v in deque("xyz")], sorted(deque([3, 1, 2])), sum(deque(range(5))))
print(list(enumerate(deque("ab"))), dict(zip(deque("ab"), deque([1, 2]))))
print(max(deque([3, 9, 2])), min(deque("qwe")), any(deque([0, 0, 1])), "".join(deque("hey")))
a, b, cc = deque([1, 2, 3])
print(a, b, cc, [*deque([4, 5])], (*deque([6]),))

# copying
o = deque([[1], [2]], maxlen=4)
s = o.copy()
s2 = copy.copy(o)
s3 = copy.deepcopy(o)
print(s, s2, s3, s.maxlen, s2.maxlen, s3.maxlen)
print(s[0] is o[0], s2[0] is o[0], s3[0] is o[0], s3 == o)
r = o.__reduce__()
print(r[0].__name__, r[1], r[2], list(r[3]))
print(deque([1]).__reduce__()[1])
self_ref = deque()
self_ref.append(self_ref)
dc = copy.deepcopy(self_ref)
print(dc[0] is dc, dc is not self_ref)

# abstract base classes and types
print(isinstance(d, cabc.MutableSequence), isinstance(d, cabc.Sequence), isinstance(d, cabc.Iterable))
print(isinstance(d, cabc.Hashable), issubclass(deque, cabc.Reversible), isinstance(d, list))
print(deque.__name__, deque.__module__, deque.__qualname__, type(deque()).__name__)
print(deque[int], deque.__hash__)


# subclassing
class D(deque):
    def __init__(self, items=(), maxlen=None, tag="t"):
        super().__init__(items, maxlen)
        self.tag = tag

    def peek(self):
        return self[-1]


sd = D([1, 2, 3], 5, tag="hello")
print(sd, sd.tag, sd.peek(), len(sd), isinstance(sd, deque), type(sd).__name__)
sd.append(4)
print(sd.copy(), type(sd.copy()).__name__, sd.copy().tag)
print(sd + deque([9]), type(sd + deque([9])).__name__, sd * 2)
print(sd == deque([1, 2, 3, 4]), deque([1, 2, 3, 4]) == sd)
print(copy.copy(sd), copy.deepcopy(sd).tag)
sd.extra = 1
print(sorted(sd.__dict__.items()), sd.__reduce__()[2])


class L(deque):
    def __len__(self):
        return 42

    def __getitem__(self, i):
        return "item%s" % i

    def __iter__(self):
        yield "custom"

    def __contains__(self, x):
        return x == "anything"


ld = L([1, 2])
print(len(ld), ld[0], list(ld), "anything" in ld, 1 in ld, bool(ld))
print(deque.__len__(ld), deque.__getitem__(ld, 1), list(deque.__iter__(ld)))


class B(deque):
    def __bool__(self):
        return False


print(bool(B([1])), bool(deque([1])), len(B([1])))


class N(deque):
    pass


n = N("ab")
print(n, repr(n), n.maxlen, N("abc", 2))
show("descriptor", lambda: deque.append([], 1))
show("unbound", lambda: deque.append())

# mutation during iteration
md = deque([1, 2, 3])
try:
    for v in md:
        md.append(v)
except RuntimeError as e:
    print("RuntimeError", e)
md = deque([1, 2, 3])
try:
    for v in md:
        md.popleft()
except RuntimeError as e:
    print("RuntimeError", e)
md = deque([1, 2, 3])
for v in md:
    md[0] = v * 10
print(md)
md = deque([1, 2, 3])
it = iter(md)
next(it)
md.rotate(0)
show("after rotate0", lambda: next(it))
md = deque([1, 2, 3])
it = iter(md)
md.clear()
show("after clear", lambda: next(it))
show("again", lambda: next(it))
md = deque([1, 2, 3])
it = reversed(md)
md.extend([])
print(list(it))


class Evil:
    def __init__(self, dq):
        self.dq = dq

    def __eq__(self, other):
        self.dq.append(0)
        return False


ed = deque([1, 2, 3])
show("count mutate", lambda: ed.count(Evil(ed)))
ed = deque([1, 2, 3])
show("contains mutate", lambda: Evil(ed) in ed)
ed = deque([1, 2, 3])
show("index mutate", lambda: ed.index(Evil(ed)))
ed = deque([1, 2, 3])
show("remove mutate", lambda: ed.remove(Evil(ed)))
ed = deque([1, 2, 3])
show("compare mutate", lambda: ed == deque([Evil(ed), 2, 3]))

# argument counts
ad = deque([1])
for name, args in [("__setitem__", (1,)), ("count", ()), ("remove", ()), ("extend", ()),
                   ("extendleft", (1, 2)), ("clear", (1,)), ("copy", (1,)), ("__len__", (1,)),
                   ("reverse", (1,)), ("__getitem__", ()), ("__delitem__", ()),
                   ("__contains__", ()), ("__iter__", (1,)), ("__copy__", (1,)),
                   ("__add__", ()), ("__reversed__", (1,)), ("__repr__", (1,)),
                   ("appendleft", ()), ("popleft", (1,)), ("__mul__", ())]:
    show(name, lambda: getattr(ad, name)(*args))

# huge repeat counts
print(deque([1, 2, 3], maxlen=4) * (10**18 + 1), deque([7], maxlen=3) * (2**62))
show("overflowing product", lambda: repr(deque([1, 2], maxlen=3) * (2**62)))
hm = deque("abc", maxlen=5)
hm *= 10**15
print(hm)
show("too huge", lambda: deque([1], maxlen=2) * (2**64))


class S(deque):
    __slots__ = ("a",)


ss = S([1])
ss.a = 5
print(ss, ss.a, hasattr(ss, "__dict__"))

show("new int", lambda: deque.__new__(int))
show("new 5", lambda: deque.__new__(5))
print(deque.__new__(deque), deque.__new__(S), type(deque.__new__(S)).__name__)


class E(deque):
    def __new__(cls, *a):
        self = super().__new__(cls)
        self.tag = "t"
        return self


ee = E([1, 2])
print(ee, ee.tag)


class K(deque):
    def __init__(self, items, m):
        super().__init__(items, maxlen=m)


print(K([1, 2, 3], 2), K([1], m=None))
