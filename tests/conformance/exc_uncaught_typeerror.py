# Uncaught TypeError: unsupported operand types.
def total(items):
    s = 0
    for it in items:
        s = s + it
        print("running total", s)
    return s
print(total([1, 2, 3]))
print(total([1, "2", 3]))
