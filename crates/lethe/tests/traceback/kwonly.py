def f(*, a): pass
x = [f(1)]
