def f():
    return len(5)
f()
