class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise RuntimeError("exit")
def f():
    with CM():
        return 1
try:
    f()
except RuntimeError as e:
    print("caught")
with CM() as c, \
        CM():
    x = 1 / 0
