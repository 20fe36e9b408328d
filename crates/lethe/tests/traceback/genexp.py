def gen():
    yield 1
    yield 1 / 0
print(list(gen()))
