# SyntaxError: break outside loop; nothing runs.
print("this must not be printed")
def f():
    break
f()
