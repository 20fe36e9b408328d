def f(l):
    return l[len(l)]
f([1, 2])
