# Hot loops whose registers change kind (ints, floats, bools, big ints, strings, NaN),
# with exceptions, closures and deleted locals: the same output interpreted and native.
import math
def arith(n):
    out = []
    x = 0
    y = 0.0
    b = True
    for i in range(n):
        x = x + b
        y = y - 0.5 * i
        x = x * 3 % 1000003
        if i % 7 == 0:
            y = -y
        z = x // (i - 5) if i != 5 else 0
        w = x % -7
        v = -x
        u = ~x
        out.append((x, y, z, w, v, u, x / 3, i < y, i == 2.0, not i))
    return out
r = arith(50)
print(r[:3], r[-1])
def nan_cmp():
    a = float('nan')
    c = 0
    for i in range(10):
        if a < i: c += 1
        if a != a: c += 10
        if a == a: c += 100
        if -0.0 == 0.0: c += 1000
    return c
print(nan_cmp())
def big(n):
    t = 1
    for i in range(1, n):
        t = t * i
        if t > 10**30:
            t = t // 10**20
    return t
print(big(80))
def exc(n):
    s = 0
    for i in range(n):
        try:
            s += 10 // (i % 3)
        except ZeroDivisionError:
            s -= 1
    return s
print(exc(30))
def clos(n):
    acc = 0
    def add(k):
        nonlocal acc
        acc += k
    for i in range(n):
        add(i)
    return acc
print(clos(100))
def dl(n):
    s = 0
    for i in range(n):
        t = i * 2
        s += t
        del t
    try:
        return t
    except UnboundLocalError as e:
        return (s, str(e))
print(dl(10))
def mixed(xs):
    s = 0
    for x in xs:
        s = s + x
    return s
print(mixed([1, 2.5, True, 3]))
def mixs(xs):
    s = ""
    for x in xs:
        s = s + x
    return s
print(mixs(["a", "b"]))
def strs(n):
    s = ''
    for i in range(n):
        s = s + str(i)
    return s
print(strs(20))
def shifts(n):
    t = 1
    for i in range(n):
        t = (t << 3) ^ (t >> 2) | i
        t &= 0xFFFFFFFFFFFF
    return t
print(shifts(100))
def ovf(n):
    x = 2**46
    for i in range(n):
        x = x + x
    return x, -x, x * x
print(ovf(5))
def fl(n):
    r = 0.0
    for i in range(n):
        r += math.sqrt(i) / (i + 1)
        r = r * 1.0000001
    return r
print(fl(1000))
def cmpchain(n):
    c = 0
    for i in range(n):
        if 3 < i < 10 <= i * 2:
            c += 1
        if i is None or i is not None:
            c += 1
    return c
print(cmpchain(20))
