# Uncaught TypeError: 'int' object is not subscriptable.
values = [1, 2, 3]
first = values[0]
print("first is", first)
print(first[0])
