def f(x):
    return int(x)
y = [f("a"), 2]
