# Non-string keys put into obj.__dict__ do not disturb attribute access.
class K:
    def __hash__(self):
        return hash("b")
    def __eq__(self, o):
        return False
class S(str): pass
class A: pass
a = A()
d = a.__dict__
d[K()] = "k"
d[S("c")] = "s"
a.b = 2
a.c = 3
print(len(d), a.b, a.c, sorted(str(v) for v in d.values()))
del a.b
print(hasattr(a, "b"), len(d))
