class N:
    def __init__(self, n): self.n = n
    def __index__(self): return self.n
class R:
    def __init__(self, n): self.n = n
    def __index__(self): return self.n
    def __rmul__(self, other): return NotImplemented
    def __mul__(self, other): return NotImplemented
print([0] * N(3), N(2) * [1, 2], "ab" * N(2), N(3) * "x", (1,) * N(2), b"z" * N(4), bytearray(b"q") * N(2))
print([1] * R(2), R(3) * "-", [] * N(5), "abc" * N(0), "abc" * N(-1))
l = [1, 2]
l *= N(2)
print(l)
s = "ha"
s *= N(3)
print(s)
class Bad:
    def __index__(self): return "no"
for f in [lambda: [0] * Bad(), lambda: N(2) * N(3)]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
