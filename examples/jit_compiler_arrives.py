# The JIT compiler process arriving and leaving (see docs/jit.md): two hot functions,
# a pause longer than --jit-idle, then a third.
import time


def f1(n):
    s = 0.0
    for i in range(n):
        s = s + i * 0.5
    return s


def f2(n):
    t = 0
    for i in range(n):
        t = (t * 3 + i) % 1000003
    return t


def f3(n):
    t = 1
    for i in range(n):
        t = (t * 5 + i) % 999983
    return t


time.sleep(0.3)
print(f1(200000))
time.sleep(0.3)
print(f2(200000))
time.sleep(1.5)
print(f3(200000))
time.sleep(0.5)
