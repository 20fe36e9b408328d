# Uncaught StopIteration from next() at module level.
it = iter([1, 2])
print(next(it))
print(next(it))
print(next(it))
