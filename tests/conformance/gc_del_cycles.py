# __del__ and generator finalisers of objects in reference cycles run before the
# collector breaks the cycles (PEP 442), once, and may resurrect the objects.
import gc


class R:
    saved = []

    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print("__del__", self.name, self.me is self)
        if self.name == "keep":
            R.saved.append(self)


a = R("a")
del a
print("collected", gc.collect() > 0)

k = R("keep")
del k
gc.collect()
print(len(R.saved), R.saved[0].name, R.saved[0].me is R.saved[0])
R.saved.clear()
gc.collect()
print("resurrected object freed without a second __del__")


class Pair:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name, "partner", self.partner.name)


p, q = Pair("p"), Pair("q")
p.partner, q.partner = q, p
del p, q
gc.collect()


def gen(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally ran")


class Holder:
    pass


h = Holder()
h.log = []
h.g = gen(h.log)
h.g.gi_frame if False else None
next(h.g)
h.self = h
log = h.log
del h
gc.collect()
print(log)
print("end")
