# Names captured by a pattern are bound only when the whole pattern matches; a guard
# that fails leaves them bound.
def f(v):
    p = q = "unset"
    match v:
        case [p, 1]:
            r = "first"
        case {"k": q, "z": 2}:
            r = "second"
        case (p, q) if p > 10:
            r = "third"
        case _:
            r = "none"
    return r, p, q

for v in ([5, 2], {"k": 7, "z": 3}, (1, 2), (11, 2), [3, 1], {"k": 1, "z": 2}):
    print(v, f(v))

def g(v):
    match v:
        case [a, [b, 3]] | [a, b, 3]:
            return a, b
        case [*rest, 9] as whole:
            return rest, whole
        case {"x": x, **others}:
            return x, others
        case _:
            return None

for v in ([1, [2, 3]], [1, 2, 3], [1, 2, 9], {"x": 1, "y": 2}, [1, [2, 4]]):
    print(g(v))

def h(v):
    a = b = "before"
    match v:
        case [a, b, 3]:
            pass
        case _:
            pass
    return a, b

print(h([1, 2, 4]), h([1, 2, 3]))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def k(p):
    x = y = "-"
    match p:
        case Point(x, 0):
            return "on x axis", x
        case Point(x=0, y=y):
            return "on y axis", y
        case Point():
            return "elsewhere", x, y
print(k(Point(3, 0)), k(Point(0, 5)), k(Point(1, 1)))
