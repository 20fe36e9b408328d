def g(x):
    raise ValueError(x)
g(1)
