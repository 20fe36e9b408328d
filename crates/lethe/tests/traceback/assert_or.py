x = 0
y = 0
assert x or y == 1
