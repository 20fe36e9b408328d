# zip, map, filter, enumerate and reversed: keywords and argument errors
print(list(enumerate("ab", start=5)), list(enumerate(iterable="xy", start=-1)), list(zip("ab", [1, 2], strict=True)), list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, "", "a"])), list(reversed("abc")))
for bad in [lambda: zip("a", "bc", strict=True), lambda: enumerate(), lambda: map(abs), lambda: filter(None), lambda: reversed(), lambda: reversed([], []), lambda: zip(bogus=1), lambda: enumerate([], 1, 2), lambda: enumerate([], start=1, iterable=[]), lambda: reversed(5), lambda: map(None, 5)]:
    try:
        r = bad()
        print(list(r))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(callable(zip), zip.__name__, sorted(map(len, ["aaa", "b"])), dict(zip("ab", map(str.upper, "xy"))))
