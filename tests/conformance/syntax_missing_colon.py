# SyntaxError: missing colon after if; nothing runs.
print("this must not be printed")
x = 1
if x == 1
    print("one")
