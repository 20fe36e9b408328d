def ok(f):
    return f
def bad(f):
    raise ValueError("d")
@ok
@bad
class C:
    pass
