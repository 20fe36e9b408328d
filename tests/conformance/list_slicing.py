# list slicing: get, set, delete with steps.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-3:], a[-1:-4:-1], a[5:2], a[100:])
b = a[:]
b[2:5] = ["x", "y"]; print(b)
b[1:1] = [100, 200]; print(b)
b[:] = [1, 2, 3]; print(b)
b[len(b):] = [4, 5]; print(b)
b[-2:] = []; print(b)
c = list(range(10))
c[::2] = "abcde"; print(c)
c[1::2] = [0] * 5; print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
d = list(range(10))
del d[::3]; print(d)
del d[1:3]; print(d)
del d[-1]; print(d)
del d[::-2]; print(d)
del d[:]; print(d)
e = list(range(6))
e[::-1] = e; print(e)
f = [1, 2, 3, 4, 5]
f[1:4] = f; print(f)
g = [1, 2, 3]
g[5:10] = [9]; print(g)
g[-10:1] = ["start"]; print(g)
h = list(range(20))
print(h[3:17:4], h[17:3:-4], h[-1:-20:-7], h[::7], h[-100:100:9])
try:
    h[20]
except IndexError as e:
    print("IndexError:", e)
try:
    h[-21] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    del h[30]
except IndexError as e:
    print("IndexError:", e)
s = slice(1, 8, 2)
print(h[s], s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(slice(1, 10, 3).indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
print(h[slice(None, 3)], h[slice(-2, None)], (1, 2, 3)[slice(1, None)], "hello"[slice(None, None, 2)])
