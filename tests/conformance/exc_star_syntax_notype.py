# SyntaxError: except* without a type
print("never")
try:
    pass
except*:
    pass
