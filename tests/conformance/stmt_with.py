# with statement and custom context managers.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, repr(exc), tb is None)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("b", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
with CM("outer") as o, CM("inner") as i:
    print("both", o, i)
try:
    with CM("x"), CM("y", suppress=True):
        1 / 0
    print("inner suppressed it")
except ZeroDivisionError:
    print("not reached")
def f():
    with CM("ret"):
        return "returned"
print(f())
for n in range(3):
    with CM("loop%d" % n):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)
class Res:
    def __init__(self):
        self.log = []
    def __enter__(self):
        self.log.append("open")
        return self
    def __exit__(self, *args):
        self.log.append("close")
        return None
r = Res()
with r as rr:
    rr.log.append("use")
print(r.log, rr is r)
class Bad:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with Bad():
        print("never body")
except RuntimeError as e:
    print("RuntimeError:", e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise TypeError("from exit")
try:
    with ExitRaises():
        raise ValueError("original")
except TypeError as e:
    print("TypeError:", e, "context:", repr(e.__context__))
with CM("tuple-target") as (p, *q):
    print(p, q)
