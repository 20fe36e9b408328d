# Uncaught exception raised inside a generator body while iterating.
def numbers():
    yield 1
    yield 2
    raise LookupError("ran out of numbers")
for n in numbers():
    print("got", n)
print("not reached")
