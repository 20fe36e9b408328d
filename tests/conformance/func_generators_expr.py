# Generator expressions: laziness, single pass, in function calls, nested.
def noisy(n):
    for i in range(n):
        print("  produce", i)
        yield i
g = (x * 10 for x in noisy(3))
print("generator created")
print(next(g))
print(list(g))
print(sum(x for x in range(101)), max(len(s) for s in ["a", "bbb", "cc"]), min((x for x in [5, 2, 7])))
print(any(x > 3 for x in noisy(10)))
print(all(x < 1 for x in noisy(5)))
squares = (n * n for n in range(5))
print(3 in squares, list(squares))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
print(sorted((c for c in "generator"), reverse=True), "".join(c.upper() for c in "abc"))
print(dict((k, k * 2) for k in "ab"), set(x % 3 for x in range(10)), tuple(x for x in "xy"))
gen = (x for x in [1, 2, 3])
print(type(gen).__name__, iter(gen) is gen)
for v in gen:
    if v == 2:
        break
print(list(gen))
x = 10
lazy = (x + i for i in range(3))
x = 100
print(list(lazy))
outer_iter = (i for i in range(3))
data = [1, 2, 3]
g2 = (d for d in data)
data.append(4)
print(list(g2))
data = [9]
g3 = (d for d in data)
data = [10]
print(list(g3))
print(list(zip((i for i in range(3)), (c for c in "abcdef"))))
total = 0
for s in (str(i) for i in range(12) if i % 2):
    total += int(s)
print(total)
