# yield from delegation, return values, nested generators, send/throw/close.
def inner():
    yield 1
    yield 2
    return "inner-result"
def outer():
    r = yield from inner()
    print("inner returned", r)
    yield 3
    return "outer-result"
print(list(outer()))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * 10 for x in range(2)))))
def tree_walk(t):
    if isinstance(t, list):
        for child in t:
            yield from tree_walk(child)
    else:
        yield t
print(list(tree_walk([1, [2, [3, 4], [[5]]], 6])))
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value
def driver():
    result = yield from accumulator()
    yield "final %d" % result
g = driver()
print(next(g), g.send(5), g.send(10), g.send(None))
def echo():
    try:
        while True:
            got = yield
            print("echo", got)
    except GeneratorExit:
        print("closing")
e = echo()
next(e)
e.send("a")
e.send("b")
e.close()
def thrower():
    try:
        yield 1
    except ValueError as err:
        print("caught inside", err)
        yield "recovered"
t = thrower()
print(next(t), t.throw(ValueError("boom")))
def delegating():
    yield from thrower()
d = delegating()
print(next(d), d.throw(ValueError("through yield from")))
def gen_ret():
    yield from []
    return 7
try:
    next(gen_ret())
except StopIteration as s:
    print("StopIteration value", s.value)
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"
def launch():
    msg = yield from countdown(3)
    yield msg
print(list(launch()))
def flat(d, prefix=""):
    for k, v in d.items():
        if isinstance(v, dict):
            yield from flat(v, prefix + k + ".")
        else:
            yield prefix + k, v
print(list(flat({"a": 1, "b": {"c": 2, "d": {"e": 3}}, "f": 4})))
