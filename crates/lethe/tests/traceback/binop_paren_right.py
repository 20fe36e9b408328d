a, b = 1, 0
x = a % (b)
