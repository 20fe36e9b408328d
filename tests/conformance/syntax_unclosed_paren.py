# SyntaxError: unclosed parenthesis; nothing runs.
print("this must not be printed")
values = [1, 2, 3]
total = sum(values
print(total)
