import functools
from functools import reduce, partial, lru_cache, wraps, cmp_to_key, total_ordering
import operator

print(reduce(operator.add, [1, 2, 3, 4]))
print(reduce(lambda a, b: a * b, range(1, 6), 10))
print(reduce(operator.add, [], 'init'))
print(reduce(lambda a, b: a + b, ['x']))
print(reduce(max, [3, 9, 2]))

def power(base, exp, mod=None):
    return pow(base, exp, mod) if mod else base ** exp

square = partial(power, exp=2)
print(square(7), square(3, exp=3))
p2 = partial(power, 2)
print(p2(10), p2(10, mod=1000))
pp = partial(p2, 5)
print(pp(), pp.func is power, pp.args, pp.keywords)
print(partial(int, base=16)('ff'))
print(repr(partial(max, 1, key=abs))[:30])

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x

for v in [1, 2, 1, 3, 2, 1, 1]:
    sq(v)
print(calls, sq.cache_info())
info = sq.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], tuple(info))

@lru_cache
def add(a, b=0):
    return a + b

print(add(1), add(1), add(1, 2), add(1, b=2), add.cache_info().hits)

@functools.cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)

print(fact(30), fact.cache_info().misses)

def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print('calling', func.__name__)
        return func(*args, **kwargs)
    return wrapper

@logged
def greet(name):
    "Say hello."
    return 'hello ' + name

print(greet('bob'), greet.__name__, greet.__doc__, greet.__wrapped__('x'))

def cmp(a, b):
    return (a > b) - (a < b)

print(sorted([3, 1, 2], key=cmp_to_key(cmp)))
print(sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: len(b) - len(a))))

@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v

print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(3) >= V(2), V(2) >= V(3))
