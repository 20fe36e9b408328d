# __repr__ vs __str__, and how containers use repr.
class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnly:
    def __str__(self):
        return "StrOnly-str"
    def __repr__(self):
        return "StrOnly-repr"
b, r, s = Both(), ReprOnly(), StrOnly()
print(b, r, s)
print(str(b), repr(b), str(r), repr(r))
print([b, r, s], (b,), {"k": b}, {1: [r]})
print(f"{b} {b!r} {r} {r!s}", "%s %r" % (b, b), "{} {!r}".format(b, b))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __format__(self, spec):
        if spec == "short":
            return f"{self.cents}c"
        return format(str(self), spec)
m = Money(12345)
print(m, repr(m), [m], f"{m}", f"{m:short}", f"{m:>12}|", str([m, m]))
class Node:
    def __init__(self, val, children=()):
        self.val = val
        self.children = list(children)
    def __repr__(self):
        if self.children:
            return f"Node({self.val!r}, {self.children!r})"
        return f"Node({self.val!r})"
tree = Node("root", [Node(1), Node("x", [Node(2.5)])])
print(tree)
print(repr(tree))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class Inherit(Both):
    pass
print(Inherit(), repr(Inherit()))
print(str(ReprOnly()) == repr(ReprOnly()))
