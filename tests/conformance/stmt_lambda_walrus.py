# lambda, conditional expressions, walrus.
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
fs = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in fs])
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in late])
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, add)(2))
print((lambda x: "pos" if x > 0 else "zero" if x == 0 else "neg")(-3))
val = 5
print("big" if val > 3 else "small", "even" if val % 2 == 0 else "odd")
print([("fizz" if i % 3 == 0 else "") + ("buzz" if i % 5 == 0 else "") or str(i) for i in range(1, 16)])
data = [1, 5, 12, 7, 20]
if (n := len(data)) > 3:
    print("long list", n)
print(n)
while (item := data.pop()) != 12:
    print("popped", item)
print(data)
print([y for x in range(6) if (y := x * x) % 2 == 0])
print(y)
vals = []
def producer():
    return vals.pop() if vals else None
vals = [1, 2, 3]
total = 0
while (v := producer()) is not None:
    total += v
print(total)
print((z := 4) * 2, z)
def f(a):
    return (b := a + 1) * b
print(f(3))
print(sq.__name__, (lambda: 0).__name__)
print(any((hit := c) == "x" for c in "abxd"), hit)
m = max(data, key=lambda v: -v)
print(m)
