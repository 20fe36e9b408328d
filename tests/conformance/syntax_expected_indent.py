# IndentationError: expected an indented block; nothing runs.
print("this must not be printed")
for i in range(3):
print(i)
