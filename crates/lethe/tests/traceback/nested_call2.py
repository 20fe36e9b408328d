def g(v):
    return v["missing"]
def f(a, b):
    return a + b
x = f(1,
      g({}))
