def f():
    try:
        return 1 / 0
    except ZeroDivisionError:
        raise ValueError("v") from None
def g():
    try:
        f()
    except ValueError as e:
        raise TypeError("t")
g()
