# hash() of ints, tuples, bools, floats that are integral (deterministic values).
for v in [0, 1, -1, -2, 2 ** 31, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, 2 ** 64 + 3, -(2 ** 61), -(2 ** 61 - 1), 10 ** 40, -(10 ** 40)]:
    print(v, hash(v))
print(hash(True), hash(False), hash(1.0), hash(-1.0), hash(2.0 ** 61), hash(0.5), hash(-0.5), hash(1.5))
print(hash((1, 2)), hash(()), hash((1,)), hash((1, (2, 3))), hash((-1,)), hash((None,)) == hash((None,)))
print(hash((1, 2)) == hash((1.0, 2.0)), hash((True, 0)) == hash((1, False)))
d = {hash(-1): "a"}
print(d, hash(-1) == hash(-2))
print(hash(frozenset()) == hash(frozenset()), type(hash(5)).__name__)
