# Uncaught error: bad int literal.
print("parsing values")
for s in ["1", "22", "333"]:
    print(int(s) * 2)
print(int("42abc"))
print("never")
