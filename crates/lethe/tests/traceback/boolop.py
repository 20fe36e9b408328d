a = 0
x = a or 1 / a
