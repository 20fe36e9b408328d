# collections' dict subclasses and namedtuple behave as real dicts/tuples.
import json
from collections import Counter, OrderedDict, defaultdict, namedtuple
c = Counter("abracadabra")
print(c, isinstance(c, dict), c["a"], c["zz"], len(c), sorted(c), c.most_common(2))
print(json.dumps(c, sort_keys=True), dict(c) == {"a": 5, "b": 2, "r": 2, "c": 1, "d": 1}, c == {"a": 5, "b": 2, "r": 2, "c": 1, "d": 1})
print(sum(c.values()), c.total(), list(c.elements())[:4], c + Counter("a"), c - Counter("abc"))
dd = defaultdict(list)
dd["x"].append(1)
dd["y"]
print(dd, isinstance(dd, dict), dict(dd), dd.get("q"), "q" in dd, len(dd))
print(json.dumps(dd), {**dd}, sorted(dd.items()))
od = OrderedDict([("b", 1), ("a", 2)])
od["c"] = 3
od.move_to_end("b")
print(od, list(od), od == {"a": 2, "c": 3, "b": 1}, od == OrderedDict([("a", 2), ("b", 1), ("c", 3)]))
print(od.popitem(), od.popitem(last=False), od, isinstance(od, dict), type(od | {"z": 0}).__name__)
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, isinstance(p, tuple), p == (1, 2), p + (3,), len(p), p[0], p.x, tuple(p), list(p))
print(json.dumps(p), hash(p) == hash((1, 2)), sorted([P(2, 1), P(1, 2)]), p._replace(x=9), p._asdict())
x, y = p
print(x, y, "%d-%d" % p, max(p), P._make([5, 6]), P._fields)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
class Point3(namedtuple("Point3", "x y z")):
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)
print(Point3(1, -2, 3).norm1(), Point3(1, 2, 3))
class MyCounter(Counter):
    pass
print(MyCounter("aab"), type(MyCounter("a") + MyCounter("b")).__name__)
