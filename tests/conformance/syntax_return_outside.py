# SyntaxError: return outside function; nothing runs.
print("this must not be printed")
x = 5
if x:
    return x
