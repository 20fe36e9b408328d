# sorted()/list.sort: stability, key functions, reverse keeps stability, mixed numerics.
records = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1), ("c", 2), ("a", 3)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[0]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(sorted(records, key=lambda r: r[1]), key=lambda r: r[0]))
data = list(range(20))
print(sorted(data, key=lambda x: x % 3))
print(sorted(data, key=lambda x: x % 3, reverse=True))
words = ["delta", "Alpha", "charlie", "Bravo", "echo", "alpha", "DELTA"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=str.lower, reverse=True))
print(sorted(words, key=len), sorted(words, key=lambda w: (len(w), w.lower())))
nums = [3, 1.5, -2, True, 0, -0.0, 2 ** 64, -1e20, 7]
print(sorted(nums), sorted(nums, reverse=True), sorted(nums, key=abs))
l = [5, 3, 5, 1, 3]
l.sort(key=lambda v: -v)
print(l)
keyed = [[1, "x"], [0, "y"], [1, "a"], [0, "b"]]
keyed.sort(key=lambda p: p[0])
print(keyed)
class Item:
    def __init__(self, name, prio):
        self.name, self.prio = name, prio
    def __repr__(self):
        return f"{self.name}:{self.prio}"
items = [Item(c, p) for c, p in zip("abcdefgh", [2, 1, 2, 3, 1, 3, 2, 1])]
print(sorted(items, key=lambda i: i.prio))
print(sorted(items, key=lambda i: i.prio, reverse=True))
print(sorted([[3, 2], [3, 1], [1, 9], [], [3]]), sorted([(1, "b"), (1, "a", 0), (0,)]))
print(sorted("the quick brown fox jumps over the lazy dog".split(), key=lambda w: w[-1]))
big = [(i * 7919) % 1000 for i in range(500)]
s = sorted(big)
print(s[:10], s[-10:], s == sorted(big, reverse=True)[::-1], len(set(big)))
print(sorted(range(10), key=lambda x: -x)[:3], sorted([], key=len), sorted([1]))
