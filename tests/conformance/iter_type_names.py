# type() of the built-in iterators, as CPython 3.11 names them.
objs = [iter([]), iter(()), iter("ab"), iter("\u00e9t\u00e9"), iter(range(3)), iter({}),
        iter({}.values()), iter({}.items()), iter({}.keys()), iter(set()), iter(frozenset()),
        iter(b"x"), iter(bytearray()), enumerate([]), zip(), zip([1], [2]), map(str, []),
        filter(None, []), reversed([]), reversed(()), reversed("ab"), reversed(range(3)),
        iter(int, 1)]
for o in objs:
    print(type(o).__name__, type(o), iter(o) is o)
it = iter([1, 2])
print(type(it).__name__, list(it), type(it).__name__, list(it))
z = zip("a", "bc")
print(list(z), type(z).__name__)
c = iter(lambda: 0, 0)
print(list(c), type(c).__name__)
e = enumerate("xy", 5)
print(next(e), type(e).__name__, list(e))
t = iter((1, 2))
print(type(t).__next__(t), next(t), next(t, "done"))
print(type(iter([])) is type(iter([1])), type(iter([])) is type(iter(())))
print(sorted(type(x).__name__ for x in [map(len, []), filter(len, []), zip()]))
next(iter([]))
