# "takes N positional arguments but M were given": keyword errors come first, and
# keyword-only arguments given are counted in the message.
def f(a, b=1, *, k, m=2): pass
def g(a): pass
def h(*, k): pass
def j(a, *, k, l): pass
def nop(): pass
class C:
    def meth(self, x, *, flag=False): pass

calls = [
    lambda: g(1, 2, z=1),
    lambda: g(1, 2, a=3),
    lambda: f(1, 2, 3, k=1),
    lambda: f(1, 2, 3, k=1, m=2),
    lambda: h(1, k=2),
    lambda: h(1, 2),
    lambda: j(1, 2, k=1, l=2),
    lambda: j(1, 2, k=1),
    lambda: g(1, 2, 3),
    lambda: j(1, 2, 3),
    lambda: f(1, 2, 3, 4, m=1),
    lambda: nop(1),
    lambda: C().meth(1, 2, flag=True),
    lambda: C().meth(1, 2),
    lambda: g(),
    lambda: j(1),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
j(1, 2, k=3)
