def f(a, b):
    return a * 2 + b // a
s = 0
for i in range(3000, -1, -1):
    s += f(i, 7)
