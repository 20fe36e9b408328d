def deco(f):
    raise ValueError("d")
@deco
def g():
    pass
