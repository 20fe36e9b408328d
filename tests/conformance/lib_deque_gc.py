# Cycles through deques (and their iterators) are collected; weak references to
# deques work; a deque keeps its items alive.
import gc
import weakref
from collections import deque

gc.disable()


class Node:
    def __init__(self, name):
        self.name = name


dead = []


def track(obj, label):
    return weakref.ref(obj, lambda r: dead.append(label))


# A deque that contains itself.
d = deque()
d.append(d)
r1 = track(d, "self-deque")
del d

# An object and a deque that point at each other.
n = Node("n")
n.q = deque([n, 1, 2])
r2 = track(n, "node")
r3 = track(n.q, "node-deque")
del n

# A deque holding its own iterator.
e = deque([1, 2, 3])
e.append(iter(e))
r4 = track(e, "iter-deque")
del e

# A subclass instance with a __dict__ in a cycle.


class D(deque):
    pass


s = D()
s.me = s
s.append(s)
r5 = track(s, "subclass")
del s

print(r1() is not None, r2() is not None, r3() is not None, r4() is not None, r5() is not None)
gc.collect()
print(sorted(dead))
print(r1(), r2(), r3(), r4(), r5())

# Items stay alive while the deque holds them.
keep = deque(maxlen=2)
a, b, c = Node("a"), Node("b"), Node("c")
ra, rb, rc = weakref.ref(a), weakref.ref(b), weakref.ref(c)
keep.extend([a, b])
del a, b
print(ra() is not None, rb() is not None)
keep.append(c)
del c
print(ra() is None, rb() is not None, rc() is not None)
keep.clear()
print(rb() is None, rc() is None)


# __del__ of an item removed from a deque may look at the deque.
class Peek:
    def __init__(self, q):
        self.q = q

    def __del__(self):
        print("del sees", len(self.q), list(self.q)[:2])


q = deque(maxlen=2)
q.append(Peek(q))
q.append(1)
q.append(2)
q.append(3)
p = Peek(q)
q.appendleft(p)
del p
q.pop()
print("end", len(q), q[0] is not None)
q.clear()
gc.enable()
