# Uncaught IndexError from a list.
data = [10, 20, 30]
i = 0
while True:
    print("item", i, data[i])
    i += 1
