x = 0
y = 0
assert x == 0 and y == 1, f"y is {y}"
