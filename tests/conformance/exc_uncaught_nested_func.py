# Uncaught TypeError from a nested function (qualified name in message).
def outer():
    def inner(a, b):
        return a + b
    print(inner(1, 2))
    return inner(1)
outer()
