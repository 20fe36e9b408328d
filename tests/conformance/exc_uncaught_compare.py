# Uncaught TypeError from comparing mixed types in max().
values = [3, 1, 2]
print(max(values))
print(values)
values.append("4")
print(values)
print(max(values))
