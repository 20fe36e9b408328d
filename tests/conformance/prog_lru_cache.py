# Realistic: LRU cache built on dict ordering, with hit/miss statistics.
class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = 0
    def get(self, key):
        if key in self.data:
            self.hits += 1
            value = self.data.pop(key)
            self.data[key] = value
            return value
        self.misses += 1
        return None
    def put(self, key, value):
        if key in self.data:
            del self.data[key]
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            print("  evict", oldest)
            del self.data[oldest]
        self.data[key] = value
    def __repr__(self):
        return f"LRU({list(self.data.items())})"
c = LRU(3)
for k in "abc":
    c.put(k, k.upper())
print(c)
print(c.get("a"), c.get("z"))
c.put("d", "D")
print(c)
c.put("c", "C2")
c.put("e", "E")
print(c, c.hits, c.misses)
def cached(capacity):
    def deco(fn):
        cache = LRU(capacity)
        def wrapper(n):
            r = cache.get(n)
            if r is None:
                r = fn(n)
                cache.put(n, r)
            return r
        wrapper.cache = cache
        return wrapper
    return deco
@cached(100)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), fib.cache.hits, fib.cache.misses, len(fib.cache.data))
trace = "a b c a d b e a c f a b".split()
cache = LRU(3)
for key in trace:
    if cache.get(key) is None:
        cache.put(key, key * 2)
print(cache, "hits", cache.hits, "misses", cache.misses)
print(f"hit rate {cache.hits / (cache.hits + cache.misses):.1%}")
