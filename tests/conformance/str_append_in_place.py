# `s += t` extends an unshared str in place (linear time); every other holder of the
# str keeps seeing the old value, and hashes, lengths and indexing follow the new text.


def build(n, piece):
    s = ""
    for i in range(n):
        s += piece
    return s


s = build(20000, "ab")
print(len(s), s[:6], s[-3:], s.count("ab"))

u = build(3000, "é€")
print(len(u), u[:4], u[-2:], u[4001], u.find("€é"), len(u.encode()))


def shared():
    s = "x" * 5000
    t = s
    keep = [s]
    d = {s: 1}
    h = hash(s)
    s += "y"
    print(len(s), len(t), len(keep[0]), t is keep[0], s[-1], t[-1])
    print(d.get(t), d.get(s), hash(t) == h, s == "x" * 5000 + "y")
    s += "z"
    print(s in {"x" * 5000 + "yz"}, hash(s) == hash("x" * 5000 + "yz"))
    s += s
    print(len(s), s[5001], s[5002])


shared()


def hashed_then_grown():
    s = "k" * 6000
    seen = {s}
    s += "!"
    print(s in seen, "k" * 6000 in seen, len(seen))
    grown = {}
    grown[s] = 1
    s += "?"
    print(grown.get("k" * 6000 + "!"), grown.get(s))


hashed_then_grown()


class Box:
    pass


b = Box()
b.s = "a" * 5000
alias = b.s
b.s += "b"
print(len(b.s), len(alias))

g = "g" * 5000
galias = g
g += "h"
print(len(g), len(galias))


def closure():
    s = "c" * 5000
    other = s

    def add(t):
        nonlocal s
        s += t
        return len(s)

    print(add("1"), add("22"), len(other), s[-3:])


closure()


def gen():
    s = "q" * 4095
    for i in range(3):
        s += str(i)
        yield len(s), s[-1]


print(list(gen()))


class S(str):
    pass


w = S("w" * 5000)
w += "v"
print(type(w).__name__, len(w))

try:
    t = "t" * 5000
    t += 1
except TypeError as e:
    print("TypeError:", e)
print(len(t))

parts = []
acc = ""
for i in range(2000):
    acc += str(i)
    if i % 500 == 0:
        parts.append(acc)
print([len(p) for p in parts], len(acc), acc[-8:])


def plus(n):
    s = ""
    for i in range(n):
        s = s + "cd"
    t = s
    s = s + "!"
    s = "<" + s
    s = s + s
    return len(s), len(t), s[:3], s[-3:], t[-2:]


print(plus(5000))
