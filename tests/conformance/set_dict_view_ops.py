# Set operations with dict views and frozensets: CPython 3.11 order (views made
# into sets from their dict), frozenset(fs) is fs.
d = dict.fromkeys([10, 20, 30, 40, 50, 60])
print(d.keys() | {70, 80}, d.keys() & {20, 40, 60, 99}, d.keys() - {10}, d.keys() ^ {10, 99}, {70} | d.keys())
print(d.items() & {(10, None)}, frozenset([1, 2]) is frozenset([1, 2]))
fs = frozenset([10, 20, 30, 40, 50]); print(frozenset(fs) is fs, set(fs), fs | {1}, fs & {10, 20}, type(fs | {1}).__name__, {1} | fs, type({1} | fs).__name__)
d2 = {k: k * 2 for k in range(100, 0, -7)}
print(d2.keys() | {3, 5}, d2.keys() - {100, 93}, d2.keys() ^ {100, 1}, d2.keys() & {100, 93, 4}, {1, 2, 3, 100} & d2.keys(), [1, 93] & d2.keys() if False else '')
print(d2.items() | {(1, 2)}, d2.items() - {(100, 200)}, d2.keys() | [1, 2], d2.keys() - [100])
