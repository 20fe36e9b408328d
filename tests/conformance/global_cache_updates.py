# Global variables read through caches see every assignment, deletion and
# shadowing of a builtin, in loops that run long enough to be compiled.
counter = 0
def bump():
    return counter + 1

total = 0
for i in range(3000):
    counter = i
    total += bump()
print(total, counter)

def use_len(x):
    return len(x)

acc = 0
for i in range(2000):
    acc += use_len("abc")
print(acc)

def len(x):  # shadows the builtin from now on
    return 100

acc = 0
for i in range(2000):
    acc += use_len("abc")
print(acc)
del len
print(use_len("abcd"))

g = globals()
for i in range(1500):
    g["counter"] = i * 2
print(bump())

h = 2166136261
for i in range(5000):
    h = ((h ^ (i & 255)) * 16777619) & 0xffffffff
print(h)

def read_missing():
    return missing_name

for i in range(1200):
    missing_name = i
print(read_missing())
del missing_name
try:
    read_missing()
except NameError as e:
    print("NameError:", e)

class Box:
    pass

b = Box()
for i in range(1500):
    b = Box()
    b.v = i
print(b.v)
