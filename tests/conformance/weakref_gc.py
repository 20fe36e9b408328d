# Weak references and the cycle collector: weak references to garbage are cleared
# before anything else happens, and only those that are not garbage call back.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Node({self.name})"


def report(tag):
    return lambda wr: print("callback", tag, wr())


# A two-object cycle; one weak reference inside the garbage, one outside.
b, c = Node("b"), Node("c")
b.c, c.b = c, b
c.r = weakref.ref(b, report("inside"))
outer = weakref.ref(b, report("outside"))
del b, c
print("collect:", gc.collect() > 0)
print("outer now", outer())

# The garbage's __del__ sees weak references to garbage already cleared.
class Fin:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name, "peer is", self.peer_ref())

x, y = Fin("x"), Fin("y")
x.peer, y.peer = y, x
x.peer_ref, y.peer_ref = weakref.ref(y), weakref.ref(x)
del x, y
gc.collect()

# A WeakValueDictionary whose values form cycles.
cache = weakref.WeakValueDictionary()
for i in range(5):
    n = Node(i)
    n.me = n
    cache[i] = n
del n
print(len(cache))
gc.collect()
print(len(cache), list(cache.items()))

# A callback may create new objects and weak references.
made = []
def cb(wr):
    m = Node("made")
    made.append(weakref.ref(m))
    made.append(m)
z = Node("z")
z.z = z
wz = weakref.ref(z, cb)
del z
gc.collect()
print(made[0]() is made[1], wz())

# Weak references to functions and classes in cycles.
def outer_fn():
    def inner():
        return inner
    return inner
f = outer_fn()
wf = weakref.ref(f, report("function"))
del f
gc.collect()
class Temp:
    pass
Temp.me = Temp
wt = weakref.ref(Temp, report("class"))
del Temp
gc.collect()
print("end", wf(), wt())
