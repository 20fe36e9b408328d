from collections import namedtuple
P = namedtuple("P", "name age", defaults=[0])
Q = namedtuple("Q", "a b c", defaults=[1, 2])
N = namedtuple("N", "x y")
E = namedtuple("E", "")
print(P("a"), Q(0), Q(0, 5), N(1, 2), E())
for f in [lambda: P("a", 1, 2), lambda: Q(1, 2, 3, 4), lambda: N(1, 2, 3), lambda: E(1), lambda: P(),
          lambda: N(1), lambda: Q(b=1), lambda: N(1, 2, z=3), lambda: N(1, x=2)]:
    try:
        f()
    except TypeError as e:
        print(e)
