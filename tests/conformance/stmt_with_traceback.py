# __exit__ receives the exception's traceback; returning False re-raises it.
class Recorder:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        return self
    def __exit__(self, typ, val, tb):
        lines = []
        while tb is not None:
            lines.append(tb.tb_lineno)
            tb = tb.tb_next
        print(self.name, typ.__name__ if typ else None, repr(val), lines)
        return self.swallow
def fail(n):
    if n == 0:
        raise LookupError("bottom")
    fail(n - 1)
with Recorder("clean"):
    pass
with Recorder("direct", True):
    raise KeyError(1)
with Recorder("nested", True):
    fail(2)
def in_function():
    with Recorder("in-func", True):
        fail(0)
    return "ok"
print(in_function())
with Recorder("outer", True):
    with Recorder("inner"):
        [][1]
try:
    with Recorder("propagate"):
        int("x")
except ValueError as e:
    print("caught", e, e.__traceback__.tb_lineno)
with Recorder("last"):
    fail(1)
