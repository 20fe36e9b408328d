def ok(f):
    return f
def bad(f):
    raise ValueError("d")
@bad
@ok
def g():
    pass
