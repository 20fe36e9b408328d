def g():
    yield 1
it = g()
a = next(it); b = next(it)
