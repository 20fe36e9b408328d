# is / is not / in / not in.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a is not c, a == c, None is None, None is not None)
print(1 in a, 3 in a, 3 not in a, [1] in [[1]], "b" in "abc", "bc" in "abc", "ac" in "abc")
print(1 in {1: "x"}, "x" in {1: "x"}, 2 in {1, 2}, (1, 2) in {(1, 2)}, 1.0 in [1], True in [1])
print(3 in range(5), 3 in (1, 2, 3), "" in "", "a" in "", [] in [[]], {} in [{}])
class Box:
    def __init__(self, items):
        self.items = items
    def __contains__(self, x):
        print("contains called", x)
        return x in self.items
bx = Box([1, 2])
print(2 in bx, 5 in bx, 5 not in bx)
class It:
    def __iter__(self):
        return iter([10, 20, 30])
print(20 in It(), 25 in It())
class Gi:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 5
print(10 in Gi(), 11 in Gi(), list(Gi()))
def gen():
    yield 1
    yield 2
    yield 3
g = gen()
print(2 in g, list(g))
x = object()
print(x is x, x in [x], type(x) is object, type(1) is int, type(True) is int, type(True) is bool)
print(isinstance(x, object), None in [None], [None] is [None])
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
try:
    1 in "abc"
except TypeError as e:
    print("TypeError:", e)
