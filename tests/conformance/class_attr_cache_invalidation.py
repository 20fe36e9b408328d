# Attribute reads, writes and method calls from hot loops while classes, shapes and
# attribute kinds change underneath (inline caches must notice every change).


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Q:
    def __init__(self, y, x):
        self.y = y
        self.x = x

    def norm1(self):
        return 2 * (abs(self.x) + abs(self.y))


def sum_x(objs, rounds):
    s = 0.0
    for _ in range(rounds):
        for o in objs:
            s += o.x
    return s


def bump(objs, rounds):
    for _ in range(rounds):
        for o in objs:
            o.x = o.x + 1.5
            o.y -= 0.25


def norms(objs, rounds):
    t = 0.0
    for _ in range(rounds):
        for o in objs:
            t += o.norm1()
    return t


ps = [P(float(i), float(-i)) for i in range(10)]
qs = [Q(float(i), float(i) / 2) for i in range(10)]
print(sum_x(ps, 200))
print(sum_x(ps + qs, 200))
bump(ps, 150)
print(sum_x(ps, 3), ps[3].x, ps[3].y)
print(norms(ps, 50), norms(qs, 50), norms(ps + qs, 20))

# A method replaced on the class after the loop got hot.
P.norm1 = lambda self: 1000.0
print(norms(ps, 20))
del P.norm1
try:
    norms(ps, 1)
except AttributeError as e:
    print("AttributeError:", e)


# An instance attribute shadowing a method.
def hello(self=None):
    return 7.0


ps[0].norm1 = hello
P.norm1 = lambda self: 1.0
print(norms(ps, 10))

# A property added to the class takes over reads and writes.
def get_x(self):
    return -1.0


def set_x(self, v):
    self.__dict__["seen"] = v


P.x = property(get_x, set_x)
print(sum_x(ps, 10))
bump(ps[1:2], 1)
print(ps[1].__dict__.get("seen"))
del P.x
print(sum_x(ps, 1))

# Values of other kinds in the same slots.
qs[2].x = 10 ** 20
print(sum_x(qs, 2))
qs[2].x = "s"
try:
    sum_x(qs, 1)
except TypeError as e:
    print("TypeError:", e)
qs[2].x = 2
del qs[3].x
try:
    sum_x(qs, 1)
except AttributeError as e:
    print("AttributeError:", e)
qs[3].x = 0.5
print(sum_x(qs, 1))


# __slots__ and __setattr__ classes through the same code.
class S:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x
        self.y = 0.0


class Logged:
    def __init__(self, x):
        self.__dict__["x"] = x
        self.__dict__["y"] = 0.0
        self.__dict__["n"] = 0

    def __setattr__(self, k, v):
        self.__dict__["n"] += 1
        self.__dict__[k] = v


ss = [S(float(i)) for i in range(5)]
ls = [Logged(float(i)) for i in range(5)]
bump(ss + ls, 100)
print(sum_x(ss, 1), sum_x(ls, 1), ls[0].n)


# A class with __getattr__ for missing names only.
class G:
    def __init__(self):
        self.x = 1.0

    def __getattr__(self, name):
        return 42.0


gs = [G() for _ in range(4)]
print(sum_x(gs, 100))
del gs[0].x
print(sum_x(gs, 100))


# Classes created in a loop (each with its own shapes).
def make(i):
    class K:
        def __init__(self):
            self.x = float(i)
    return K()


print(sum_x([make(i) for i in range(30)], 50))
