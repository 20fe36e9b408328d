def f():
    return missing_global
print(f())
