# IndentationError: unexpected indent; nothing runs.
print("this must not be printed")
def f():
    a = 1
        b = 2
    return a
print(f())
