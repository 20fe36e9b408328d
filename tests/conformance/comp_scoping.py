# List/dict/set comprehensions: nesting, conditions, scoping.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2])
print({x % 4 for x in range(10)}, {k: len(k) for k in ["a", "bb", "ccc"]})
print({(a, b): a * b for a in range(2) for b in range(2)})
print([c.upper() if c in "aeiou" else c for c in "education"])
x = "outer"
out = [x for x in range(3)]
print(x, out)
y = 10
print([y + i for i in range(3)])
def f():
    z = 5
    return [z * i for i in range(3)]
print(f())
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    factor = 10
    try:
        scaled = [v * factor for v in vals]
    except NameError as e:
        scaled = "NameError: " + str(e)
print(C.doubled, C.scaled)
print([(i, j) for i in range(3) if i for j in "ab" if j != "a"])
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
print([i for i in range(5)][::-1], sum(i for i in range(5)), max(len(w) for w in ["a", "abc"]))
print(sorted({c for c in "hello world" if c.isalpha()}))
nested = [[1, [2]], [3, [4, 5]]]
print([b for a in nested for b in a[1]])
print(list(map(lambda p: p[0] + p[1], [(1, 2), (3, 4)])))
print(dict((k, v) for k, v in zip("ab", [1, 2])), set(x for x in "aab") == {"a", "b"})
g = (i * 2 for i in range(3))
print(next(g), list(g))
print([[0] * 3 for _ in range(2)], [None for _ in "ab"])
total = 0
squares = [total := total + n for n in range(5)]
print(squares, total)
print([w for w in "the quick brown fox".split() if len(w) > 3])
