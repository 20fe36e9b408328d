def g(x):
    raise ValueError(x)
print(g(1))
