# __call__, __bool__, __len__ as truth fallback, callable().
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, extra=0):
        return x * self.k + extra
double = Multiplier(2)
print(double(5), double(5, extra=1), list(map(double, [1, 2, 3])), callable(double), callable(5))
class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("  __bool__", self.v)
        return self.v
t, f = Flag(True), Flag(False)
print(bool(t), bool(f))
if f:
    print("no")
else:
    print("falsy Flag")
print(not t)
print(t and "and-result", f or "or-result")
print([x.v for x in [t, f, t] if x])
while f:
    break
else:
    print("while-else with falsy object")
class LenTruth:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(LenTruth(0)), bool(LenTruth(3)), "yes" if LenTruth(1) else "no")
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
print(bool(Both()))
class Nothing:
    pass
print(bool(Nothing()))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class Adder:
    def __init__(self):
        self.total = 0
    def __call__(self, *nums, **kw):
        self.total += sum(nums) + sum(kw.values())
        return self
a = Adder()
print(a(1, 2)(3)(x=4).total)
try:
    n = 5
    n()
except TypeError as e:
    print("TypeError:", e)
try:
    s = "str"
    s()
except TypeError as e:
    print("TypeError:", e)
try:
    Nothing()()
except TypeError as e:
    print("TypeError:", e)
print(callable(print), callable(Multiplier), callable(lambda: 0), callable(Nothing()), callable("s"))
class Compose:
    def __init__(self, *fs):
        self.fs = fs
    def __call__(self, x):
        for fn in reversed(self.fs):
            x = fn(x)
        return x
print(Compose(str, abs, double)(-7), Compose(len, str.split)("a b c"))
print(sorted([3, -1, 2], key=Multiplier(-1)))
