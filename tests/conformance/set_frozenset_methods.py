a = frozenset([3, 1, 2])
b = frozenset('ab')
print(a, frozenset(), repr(frozenset([1])), len(a), 2 in a)
print(a | {4}, a & {1, 9}, a - {1}, a ^ {1, 5}, {1} | a)
print(a.union([7]), a.intersection({1, 2}), a.difference([1]), a.symmetric_difference([3, 8]))
print(a.issubset({1, 2, 3, 4}), a.issuperset([1]), a.isdisjoint({9}), a.copy() is a)
print(hash(a) == hash(frozenset([1, 2, 3])), {a: 1}[frozenset([1, 2, 3])], a == {1, 2, 3}, a == frozenset({1, 2, 3}))
print(sorted(b), frozenset(frozenset([1])), type(a | {1}).__name__, type({1} | a).__name__)
print({frozenset([1]), frozenset([1])}, a < frozenset([1, 2, 3, 4]), a <= a, a > frozenset())
print(frozenset(range(5)), frozenset([frozenset([1, 2])]))
s = {frozenset([1, 2]): 'x'}
print(s)
for f in [lambda: a.add(1), lambda: frozenset(5), lambda: frozenset([[1]]), lambda: hash(frozenset([1]))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(frozenset([1, 2]).__hash__() == hash(frozenset([2, 1])), hash(frozenset()))
print(hash(frozenset([1, 2, 3])), hash(frozenset(range(10))), hash(frozenset([-1, 10**20, 2.5])))
groups = {frozenset([1, 2]), frozenset([2, 1]), frozenset([3]), frozenset()}
print(len(groups), sorted(len(g) for g in groups))
print(list({frozenset([i, i + 1]) for i in range(6)}))
d = {}
for word in ['listen', 'silent', 'enlist', 'google', 'gogole', 'cat']:
    d.setdefault(frozenset(word), []).append(word)
print(sorted(d.values()))
x = frozenset([1, 2])
y = x.union()
print(y == x, x.copy() is x, frozenset(x) == x, x.issubset(x), x.isdisjoint([]))
print(frozenset([1, 2, 3]) - {2}, {1, 2, 3} - frozenset([2]), type({1} - frozenset()).__name__)
print(frozenset('aab') == frozenset('ba'), frozenset([1]) != frozenset([2]), frozenset([0]) == frozenset([False]))
print(sorted(frozenset('hello')), max(frozenset([4, 9, 2])), sum(frozenset([1, 2, 3])))
