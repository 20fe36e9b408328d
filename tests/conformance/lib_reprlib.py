# reprlib: Repr limits for each container, reprlib.repr, recursive_repr.
import reprlib

print(reprlib.repr(list(range(100))), reprlib.repr('x' * 100), reprlib.repr(set(range(20))))
print(reprlib.repr({i: str(i) for i in range(10)}), reprlib.repr(tuple(range(10))), reprlib.repr(2 ** 200))
print(reprlib.repr([[[[[1]]]]]), reprlib.repr(frozenset(range(8))), reprlib.repr(b'y' * 50))
r = reprlib.Repr()
r.maxlist = 3
r.maxstring = 10
r.maxlevel = 2
print(r.repr(list(range(10))), r.repr('abcdefghijklmnop'), r.repr([[[1]]]), r.repr([]))
print(r.maxdict, r.maxtuple, r.maxset, r.maxlong, r.maxother)


class Node:
    def __init__(self):
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return 'Node(%r)' % (self.children,)


n = Node()
n.children.append(n)
n.children.append(Node())
print(repr(n), Node.__repr__.__name__)


class Big:
    def __repr__(self):
        return 'B' * 50


print(reprlib.repr(Big()), reprlib.repr([Big()]))
