# Generators: yield, next, StopIteration, send-free protocol, infinite generators.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        print("yielding", i)
        yield i
        i += 1
    print("done")
g = count_up(3)
print("created")
print(next(g))
print(next(g))
print(list(g))
print(next(g, "exhausted"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)
def naturals():
    n = 0
    while True:
        yield n
        n += 1
for v in naturals():
    if v > 5:
        break
    print(v, end=" ")
print()
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def with_return():
    yield 1
    return "result"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("return value:", e.value, e.args)
def gen_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("generator cleanup")
for x in gen_finally():
    print(x)
print(type(naturals()).__name__, iter(g) is g)
def evens(seq):
    for x in seq:
        if x % 2 == 0:
            yield x
print(list(evens(range(10))), sum(evens(range(101))))
def pipeline():
    nums = (i for i in range(20))
    sq = (n * n for n in nums)
    odd = (s for s in sq if s % 2)
    return list(odd)
print(pipeline())
def take(n, it):
    it = iter(it)
    return [next(it) for _ in range(n)]
print(take(4, naturals()), take(2, "xyz"))
def two_gens():
    g1 = count_up(2)
    g2 = (c for c in "ab")
    return list(zip(g1, g2))
print(two_gens())
def yield_expr_value():
    x = yield 1
    print("received", x)
    yield 2
g = yield_expr_value()
print(next(g), next(g))
def empty():
    return
    yield
print(list(empty()))
gen = (x for x in [1, 2])
print(list(gen), list(gen))
def state():
    total = 0
    for i in range(5):
        total += i
        yield total
print(list(state()), max(state()), sorted(state(), reverse=True))
