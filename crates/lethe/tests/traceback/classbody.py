class A:
    x = 1 / 0
