def g(*a):
    raise ValueError(a)
def h():
    y = g(1,
          2)
h()
