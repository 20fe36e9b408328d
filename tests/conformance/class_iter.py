# Iterator protocol: __iter__/__next__, iter(), next(), StopIteration.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)))
c = Countdown(3)
print(next(c), next(c), next(c), next(c, "done"))
for x in c:
    print("never", x)
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(4)
print(list(r), list(r), sum(r), [x * y for x in r for y in r if x == y])
it = iter(r)
print(next(it), next(it), type(it).__name__)
class Pairs:
    def __init__(self, d):
        self.d = d
    def __iter__(self):
        return iter(sorted(self.d.items()))
for k, v in Pairs({"b": 2, "a": 1}):
    print(k, v)
print(dict(Pairs({"z": 0})), list(zip(Countdown(3), Range2(5))))
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError:", e)
try:
    for x in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self):
        return 42
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
lst = [1, 2, 3]
it1 = iter(lst)
it2 = iter(lst)
print(next(it1), next(it1), next(it2), list(it1), list(it2))
it3 = iter(lst)
lst.append(4)
print(list(it3))
calls = [0]
def source():
    calls[0] += 1
    return calls[0]
print(list(iter(source, 5)))
lines = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(lines), "")))
class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
print(list(Fib(100)), sum(Fib(1000)), max(Fib(50)))
di = iter({"x": 1, "y": 2})
print(next(di), next(di), next(di, None))
si = iter("hé")
print(next(si), next(si), next(si, "end"))
