# Exception __traceback__: a chain of traceback objects with line numbers.
def inner():
    raise ValueError("deep")
def middle():
    inner()
def outer():
    middle()
try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, type(tb))
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)
print(ValueError("never raised").__traceback__)
try:
    {}["k"]
except KeyError as e:
    print(e.__traceback__.tb_lineno, e.__traceback__.tb_next)
def reraiser():
    try:
        inner()
    except ValueError:
        raise
try:
    reraiser()
except ValueError as e:
    n = 0
    t = e.__traceback__
    while t:
        n += 1
        t = t.tb_next
    print("frames", n)
class CM:
    def __enter__(self):
        return self
    def __exit__(self, typ, val, tb):
        print("exit", typ.__name__ if typ else None, tb is None, tb.tb_lineno if tb else None)
        return True
with CM():
    pass
with CM():
    inner()
with CM():
    x = 1 // 0
print("done")
outer()
