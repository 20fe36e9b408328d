def outer():
    def inner(a):
        return a["k"]
    return inner({}) * 2
outer()
