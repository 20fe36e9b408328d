def f(n):
    return 10 // n
total = sum(f(v) for v in [1, 2, 0])
