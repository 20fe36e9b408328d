def total(items):
    subtotal = 0
    for it in items:
        subtotal += it
    return subtotl

print("start")
total([1, 2])
