# callable(), slice objects, staticmethod.
class C:
    def __call__(self):
        return "called"
    def m(self):
        pass
class D:
    pass
print(callable(len), callable(C), callable(C()), callable(D()), callable(C().m), callable(lambda: 1), callable(5), callable("s"))
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, list(range(20))[s], "abcdefghijk"[s])
print(slice(3), slice(None, None, -1), "hello"[slice(None, None, -1)], slice(2, 5).indices(3), slice(None, None, -2).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    slice()
except TypeError as e:
    print("TypeError:", e)
l = list(range(10))
l[slice(0, 4)] = ["x"]
print(l)
class S:
    @staticmethod
    def add(a, b):
        return a + b
    mul = staticmethod(lambda a, b: a * b)
print(S.add(1, 2), S().add(3, 4), S.mul(2, 5), S().mul(3, 3), type(S.__dict__["add"]).__name__)
sm = staticmethod(len)
print(sm.__func__ is len, callable(sm))
