# SyntaxError: except and except* on the same try
print("never")
try:
    pass
except ValueError:
    pass
except* TypeError:
    pass
