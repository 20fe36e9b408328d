def f(n):
    t = 0
    for i in range(n):
        for j in range(i, n, 3):
            t += j
        for k in range(10, 0, -4):
            t += k
    for x in range(2**62, 2**62 + 3):
        t += x
    for x in range(5, 0):
        t += 1000
    else:
        t += 1
    for i in range(3):
        if i == 1:
            break
    return t, i
print(f(300))
range = lambda *a: [7, 8]
print(f(3))
del range
try:
    for i in range(0, 10, 0):
        pass
except ValueError as e:
    print(e)
try:
    for i in range(1.5):
        pass
except TypeError as e:
    print(e)
r = 0
for i in range(2**47 - 3, 2**47 + 2):
    r += i
print(r)
for i in range(-2**47 + 2, -2**47 - 3, -1):
    r += i
print(r, i)
# range bound to a local, a class, or a subclass-like callable; a generator
# iterated inside; arguments with side effects evaluated once, in order.
import builtins
def g(n):
    range = lambda n: ['local'] * n
    return [x for x in range(n)], list(x for x in builtins.range(n))
print(g(2))
calls = []
def arg(v):
    calls.append(v)
    return v
for i in range(arg(1), arg(4), arg(2)):
    calls.append(('i', i))
print(calls)
class R:
    def __init__(self, n): self.n = n
    def __iter__(self): return iter(['r'] * self.n)
range = R
for x in range(2):
    print(x)
del range
for i in range(True, 3):
    print('bool start', i)
