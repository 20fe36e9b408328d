# SyntaxError: keyword argument repeated / positional after keyword; nothing runs.
print("this must not be printed")
def f(a, b):
    return a
f(a=1, 2)
