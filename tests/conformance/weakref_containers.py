# WeakValueDictionary, WeakKeyDictionary, WeakSet and WeakMethod: entries leave
# when their objects are freed.
import gc
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Obj({self.n})"

    def method(self):
        return self.n * 10


objs = [Obj(i) for i in range(6)]

# WeakValueDictionary: a cache whose values can go away.
cache = weakref.WeakValueDictionary()
for o in objs:
    cache[o.n] = o
print(len(cache), sorted(cache.keys()), cache[3], cache.get(9), 4 in cache, 9 in cache)
del o
objs.pop(3)
print(len(cache), sorted(cache.keys()), 3 in cache, cache.get(3, "gone"))
try:
    cache[3]
except KeyError as e:
    print("KeyError", e)
print(sorted(cache.items(), key=lambda kv: kv[0]))
print(sorted(v.n for v in cache.values()))
print(cache.pop(0), len(cache), cache.setdefault(1, None), sorted(cache))
refs = cache.valuerefs()
print(len(refs), sorted(r().n for r in refs))
c2 = cache.copy()
print(type(c2).__name__, sorted(c2))
cache.update({10: objs[0]})
print(sorted(cache), repr(cache)[:21])
del cache[10]
print(sorted(cache))
with_iter = []
for k in cache:
    with_iter.append(k)
print(sorted(with_iter))
cache.clear()
print(len(cache))

# WeakKeyDictionary: data attached to objects without keeping them alive.
meta = weakref.WeakKeyDictionary()
for o in objs:
    meta[o] = o.n * o.n
print(len(meta), sorted(meta.values()), meta[objs[1]], objs[2] in meta)
del o
victim = objs.pop(1)
print(len(meta))
del victim
print(len(meta), sorted(meta.values()))
print(sorted((k.n, v) for k, v in meta.items()))
print(sorted(k.n for k in meta.keys()), sorted(r().n for r in meta.keyrefs()))
print(meta.pop(objs[0]), len(meta), meta.get(objs[0], "absent"))
meta.update({objs[0]: "back"})
print(meta[objs[0]], meta.setdefault(objs[0], "x"))
try:
    meta[1] = 2
except TypeError as e:
    print("TypeError:", e)

# WeakSet.
ws = weakref.WeakSet(objs)
print(len(ws), objs[0] in ws, Obj(99) in ws, sorted(o.n for o in ws))
extra = Obj(50)
ws.add(extra)
print(len(ws))
del extra
print(len(ws))
ws.discard(objs[0])
print(len(ws), sorted(o.n for o in ws))
other = weakref.WeakSet(objs[:2])
print(sorted(o.n for o in ws | other), sorted(o.n for o in ws & other), sorted(o.n for o in ws - other))
print(other <= weakref.WeakSet(objs), ws.issuperset(objs[2:]), isinstance(ws, weakref.WeakSet))
last = objs.pop()
print(len(ws))
del last
print(len(ws), sorted(o.n for o in ws))
ws.clear()
print(len(ws), list(ws))

# Cycles are found by the collector; the weak containers notice.
class Node:
    def __init__(self):
        self.me = self
n = Node()
wvd = weakref.WeakValueDictionary(node=n)
wkd = weakref.WeakKeyDictionary({n: 1})
wset = weakref.WeakSet([n])
del n
print(len(wvd), len(wkd), len(wset))
gc.collect()
print(len(wvd), len(wkd), len(wset))

# WeakMethod: a weak reference to a bound method.
o = Obj(7)
wm = weakref.WeakMethod(o.method, lambda wr: print("method died"))
print(wm()(), wm() == o.method, type(wm).__name__)
del o
print(wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)
print("done")
