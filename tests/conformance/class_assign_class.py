# obj.__class__ = Other: method lookup, isinstance, type(), repr and the caches.


class Off:
    label = "off"

    def press(self):
        self.__class__ = On
        return "turning on"

    def __repr__(self):
        return "<%s %d>" % (type(self).__name__, self.n)


class On(Off):
    label = "on"

    def press(self):
        self.__class__ = Off
        return "turning off"


class Unrelated:
    label = "unrelated"

    def press(self):
        return "unrelated press"

    def __repr__(self):
        return "Unrelated(%r)" % self.__dict__


sw = Off()
sw.n = 1
for _ in range(5):
    print(sw.label, sw.press(), sw, type(sw).__name__, isinstance(sw, On))

# A hot loop: attribute and method caches must follow the class.
sw = Off()
sw.n = 2
counts = {"on": 0, "off": 0}
for i in range(3000):
    counts[sw.label] += 1
    sw.press()
    if i % 1000 == 999:
        print(i, sw.label, sw.__class__.__name__)
print(counts)


def labels(objs):
    out = []
    for o in objs:
        out.append(o.label)
    return out


objs = [Off() for _ in range(200)]
for k in range(150):
    labels(objs)
for o in objs[::2]:
    o.__class__ = Unrelated
print(labels(objs)[:6])
print(sorted(set(labels(objs))))
objs[0].n = 5
print(objs[0], objs[1].__class__ is Off, type(objs[0]) is Unrelated)
print(objs[0].press(), objs[1].press(), type(objs[1]).__name__)

# The instance's attributes survive.
class P:
    def __init__(self):
        self.x, self.y = 1, 2

class Q:
    def total(self):
        return self.x + self.y

p = P()
p.__class__ = Q
print(p.total(), vars(p), isinstance(p, P), isinstance(p, Q), issubclass(type(p), Q))
p.z = 10
print(p.z, sorted(p.__dict__))

# object.__setattr__ and setattr() can do it too.
object.__setattr__(p, "__class__", P)
print(type(p).__name__)
setattr(p, "__class__", Q)
print(type(p).__name__, p.total())

# A user __setattr__ sees the assignment.
class Logged:
    def __setattr__(self, name, value):
        print("setattr", name, getattr(value, "__name__", value))
        object.__setattr__(self, name, value)

class Logged2(Logged):
    pass

lg = Logged()
lg.__class__ = Logged2
print(type(lg).__name__)

# __slots__: same slots are compatible, different ones are not.
class S1:
    __slots__ = ("a", "b")

class S2:
    __slots__ = ("a", "b")

    def both(self):
        return self.a, self.b

class S3(S1):
    __slots__ = ()

class S4(S1):
    __slots__ = ("c",)

s = S1()
s.a, s.b = 3, 4
s.__class__ = S2
print(s.both(), type(s).__name__)
s.__class__ = S3
print(type(s).__name__, s.a)

# Subclasses of built-in types keep their value.
class L1(list):
    def first(self):
        return self[0]

class L2(list):
    def first(self):
        return "L2:%r" % (self[0],)

l = L1([7, 8])
print(l.first())
l.__class__ = L2
print(l.first(), l, len(l), isinstance(l, list))

# Exceptions.
class E1(Exception):
    pass

class E2(Exception):
    def __str__(self):
        return "E2 says " + repr(self.args)

e = E1("boom")
e.__class__ = E2
print(str(e), type(e).__name__)
try:
    raise e
except E2 as caught:
    print("caught", type(caught).__name__)

errors = []
for target, value in [
    (Off(), 3),
    (Off(), "On"),
    (Off(), None),
    (Off(), int),
    (Off(), object),
    (Off(), S1),
    (S1(), S4),
    (S1(), Off),
    (L1(), Off),
    (L1(), dict),
    (E1(), Off),
    (E1(), ValueError),
    (object(), Off),
    (5, Off),
    ([], L1),
]:
    try:
        target.__class__ = value
        errors.append("ok %s" % type(target).__name__)
    except TypeError as exc:
        errors.append("TypeError: %s" % exc)
    except AttributeError as exc:
        errors.append("AttributeError: %s" % exc)
for line in errors:
    print(line)

class D(dict):
    pass

class D2(dict):
    pass

d = D(a=1)
d.__class__ = D2
print(type(d).__name__, d)
try:
    d.__class__ = L1
except TypeError as exc:
    print(exc)

def f():
    pass

for target in [f, Off, 1.5]:
    try:
        target.__class__ = Off
    except TypeError as exc:
        print(type(target).__name__, exc)
try:
    del sw.__class__
except TypeError as exc:
    print(exc)
print(type(sw).__name__)


# A hot loop whose receiver changes class halfway.
class HA:
    def __init__(self):
        self.v = 1

    def get(self):
        return self.v


class HB:
    def get(self):
        return self.v * 100


def run(o, n):
    t = 0
    for i in range(n):
        t += o.get()
        if i == n // 2:
            o.__class__ = HB if type(o) is HA else HA
    return t


h = HA()
for k in range(300):
    r = run(h, 50)
print(r, type(h).__name__)
print(run(h, 5000), type(h).__name__)
