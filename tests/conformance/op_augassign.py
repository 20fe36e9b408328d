# Augmented assignment of every kind on names, items, attributes, and mutables.
x = 17
for op in range(12):
    if op == 0: x += 3
    elif op == 1: x -= 1
    elif op == 2: x *= 2
    elif op == 3: x //= 3
    elif op == 4: x %= 7
    elif op == 5: x **= 3
    elif op == 6: x <<= 4
    elif op == 7: x >>= 2
    elif op == 8: x &= 0xF0
    elif op == 9: x |= 0x3
    elif op == 10: x ^= 0x55
    elif op == 11: x /= 4
    print(op, x)
l = [1, 2, 3]
l[0] += 10
l[-1] *= 5
l[1] **= 10
print(l)
d = {"a": 1}
d["a"] += 1
d["b"] = d.get("b", 0) + 5
print(d)
class C:
    pass
c = C()
c.n = 1
c.n += 41
c.s = "ab"
c.s *= 3
print(c.n, c.s)
a = [1]
b = a
a += [2]
print(a, b, a is b)
a = a + [3]
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
s = {1}
s2 = s
s |= {2}
s &= {2, 3, 1}
s -= {1}
s ^= {7}
print(s, s2, s is s2)
st = "a"
st += "b"
st *= 2
print(st)
m = [[0] * 2 for _ in range(2)]
m[1][0] += 7
print(m)
calls = []
def key():
    calls.append("key")
    return 0
arr = [5]
arr[key()] += 1
print(arr, calls)
f = 1.5
f //= 0.4
print(f)
f **= 0.5
print(round(f, 10))
n = 10
print(n)
