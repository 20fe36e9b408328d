# SyntaxError: return in an except* block (inside a function compiled lazily)
print("never")
def f():
    try:
        pass
    except* ValueError:
        return 1
