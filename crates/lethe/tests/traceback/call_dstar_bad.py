def f(*a, **k): pass
x = f(**5)
