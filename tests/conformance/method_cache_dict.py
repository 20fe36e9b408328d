# Method calls on instances with no attributes are cached by shape; an instance
# whose attributes live in a __dict__ must never hit such a cache entry.
class Stateless:
    def f(self, x):
        return x + 1

    def g(self, x):
        return self.f(x) * 2


def run(objs, n):
    total = 0
    for i in range(n):
        for o in objs:
            total += o.g(i)
    return total


a = Stateless()
b = Stateless()
print(run([a, b], 500))
# b's attributes move into a __dict__; a method shadowed by an instance attribute.
d = b.__dict__
print(d)
b.f = lambda x: x - 1
print(run([a, b], 500))
print(run([b], 3), b.__dict__.keys())
del b.f
print(run([a, b], 500))
# An instance that has a __dict__ from the start of a loop.
c = Stateless()
c.__dict__["g"] = lambda x: -x
print(run([a, c], 500))
c.__dict__.clear()
print(run([c, a], 500))


class Slotted:
    __slots__ = ("v", "__dict__")

    def get(self):
        return self.v


s = Slotted()
s.v = 5
print(sum(s.get() for _ in range(300)))
s.__dict__["get"] = lambda: 7
print(sum(s.get() for _ in range(300)))
