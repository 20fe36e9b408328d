# SyntaxError: invalid assignment target; nothing runs.
print("this must not be printed")
x = 1
x + 1 = 2
