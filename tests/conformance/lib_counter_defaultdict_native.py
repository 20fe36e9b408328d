# Counter (counting through the native _count_elements) and defaultdict.
from collections import Counter, defaultdict, OrderedDict, UserDict
import collections.abc as cabc
import copy


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


c = Counter("abracadabra")
print(c, c["a"], c["z"], len(c), c.total())
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), "z" in c)
c.update("aaz")
c.update({"a": 10, "q": -2})
c.update(x=3)
c.update(c.copy())
print(c)
c.subtract("aaa")
c.subtract({"b": 100})
c.subtract(q=1)
print(c)
c2 = Counter(["x", 1, 1.0, True, (1, 2), None, "x"])
print(c2)
c3 = Counter(iter(range(5)))
c3.update(i % 2 for i in range(7))
print(c3)
c4 = Counter()
c4.update([])
c4.update(None)
c4.update()
print(c4, repr(Counter()), Counter(a=0, b=-1))
c5 = Counter({"a": 2, "b": 1})
c5.update(["a", "c"])
print(c5, c5 + Counter("aab"), c5 - Counter("aaaa"), c5 | Counter("bbbbb"), c5 & Counter("ab"))
print(+Counter(a=1, b=-1, c=0), -Counter(a=1, b=-1, c=0))
c6 = Counter(a=1, b=2)
c6 += Counter(a=-5, c=1)
print(c6)
c6 -= Counter(b=1)
print(c6)
c6 |= Counter(z=4)
print(c6)
c6 &= Counter(z=2, b=9)
print(c6)
print(Counter("ab") == Counter("ba"), Counter(a=1) == Counter(a=1, b=0), Counter("a") == {"a": 1})
print(Counter("ab") <= Counter("abc"), Counter("abc") < Counter("ab"), Counter("ab") >= Counter("a"))
del c6["missing"]
del c6["z"]
print(c6)
show("fromkeys", lambda: Counter.fromkeys("ab"))
show("two args", lambda: Counter("a", "b"))
show("unhashable", lambda: Counter([[1]]))
show("update unhashable", lambda: Counter().update([{}]))
show("add list", lambda: Counter() + [1])
show("bad count", lambda: Counter({"a": "x"}).update("a"))
print(Counter({"a": "x"}).most_common())
cstr = Counter({"a": "x"})
cstr.update({"a": "y"})
print(cstr)
cf = Counter({"a": 1.5})
cf.update("aa")
print(cf)
cb = Counter({"a": 2**70})
cb.update("a")
print(cb)


# Subclasses: overriding __setitem__ / get routes counting through them.
class Logged(Counter):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)


lg = Logged()
lg.update("aba")
print(lg)


class Getter(Counter):
    def get(self, k, default=None):
        return super().get(k, default) + 100


gt = Getter()
gt.update("aa")
print(gt)


class Missing(Counter):
    def __missing__(self, key):
        return 10


ms = Missing()
ms.update("aa")
ms["b"] += 1
print(ms)


# A mapping that is not a dict: counted by the generic protocol.
class Box(UserDict):
    pass


bx = Box()
Counter.update(bx, "aab")
print(sorted(bx.items()))
ud = UserDict(a=5)
print(Counter(ud), Counter(OrderedDict(z=2, y=1)))
cu = Counter("aa")
cu.update(ud)
cu.subtract(UserDict(a=1))
print(cu)
print(isinstance(c, dict), isinstance(c, cabc.MutableMapping), type(c).__name__)
print(copy.copy(c5), copy.deepcopy(c5), c5.copy() == c5, type(c5.copy()).__name__)


# Mutating the Counter from an __eq__ during counting.
class Key:
    def __init__(self, k, target):
        self.k = k
        self.target = target

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        if isinstance(other, Key):
            return self.k == other.k
        return NotImplemented


tc = Counter()
k1 = Key(1, tc)
tc.update([k1, Key(1, tc), Key(2, tc)])
print(sorted(v for v in tc.values()))

# defaultdict
dd = defaultdict(list)
for i, w in enumerate("one two three two one two".split()):
    dd[w].append(i)
print(dd, dd["four"], len(dd), dd.default_factory)
print(dict(dd), list(dd), "five" in dd, dd.get("six"), len(dd))
di = defaultdict(int)
for ch in "mississippi":
    di[ch] += 1
print(sorted(di.items()), di)
dn = defaultdict()
show("no factory", lambda: dn["x"])
dn2 = defaultdict(None, {1: 2})
print(dn2, dn2[1], dn2.default_factory)
show("bad factory", lambda: defaultdict(5))
dl = defaultdict(lambda: "zz", a=1)
print(dl["b"], sorted(dl.items()))
dc = dd.copy()
print(type(dc).__name__, dc == dd, dc.default_factory is list, dc is not dd)
print(copy.copy(di), copy.deepcopy(dd))
dd.default_factory = set
print(dd["new"], dd)
print(defaultdict(int, {"a": 1}) | {"b": 2}, {"c": 3} | defaultdict(int, {"a": 1}))
du = defaultdict(int)
du |= {"q": 1}
print(du, du["zz"], du)
rec = defaultdict(list)
rec["self"].append(rec)
print(rec)


class Sub(defaultdict):
    pass


sb = Sub(int)
sb["a"] += 2
print(sb, sb.copy(), type(sb.copy()).__name__)


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)


t = Tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"], list(t))
show("missing direct", lambda: defaultdict(list).__missing__("k"))
dm = defaultdict(list)
print(dm.__missing__("k"), dm)
show("getitem unhashable", lambda: defaultdict(int)[[]])
print(isinstance(dd, dict), defaultdict.__name__, defaultdict.__module__)
