# Exceptions raised inside generators.
def bad_gen():
    yield 1
    raise ValueError("inside generator")
g = bad_gen()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught:", e)
print(next(g, "exhausted after error"))
def div_gen(items):
    for x in items:
        yield 10 / x
out = []
try:
    for v in div_gen([1, 2, 0, 5]):
        out.append(v)
except ZeroDivisionError as e:
    print("partial", out, e)
def stop_in_gen():
    yield 1
    raise StopIteration("explicit")
try:
    list(stop_in_gen())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally in generator")
for v in gen_with_finally():
    print("got", v)
    break
print("after break")
def running():
    yield next(me)
me = running()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
it = iter([1])
print(next(it), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
def consumer():
    total = 0
    for v in (int(s) for s in ["1", "2", "x", "4"]):
        total += v
    return total
print("about to fail")
consumer()
