def f(*a, **k): pass
x = f(**{"k": 1}, k=2)
