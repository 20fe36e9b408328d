# gc.enable / gc.disable / gc.isenabled, and collect() while disabled.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())


class Node:
    def __init__(self):
        self.other = None


def make_cycles(n):
    for _ in range(n):
        a = Node()
        b = Node()
        a.other = b
        b.other = a


make_cycles(100)
# collect() runs even while automatic collection is off.
found = gc.collect()
print(found >= 200)
print(gc.collect())
gc.enable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
