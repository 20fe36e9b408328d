# Subclassing str: methods return plain str, values compare and hash like str.
class Name(str):
    def shout(self):
        return self.upper() + "!"
    def initials(self):
        return "".join(w[0] for w in self.split())
n = Name("ada lovelace")
print(n, repr(n), n.shout(), n.initials(), len(n), n[0], n[-8:])
print(type(n.upper()).__name__, type(n + "x").__name__, isinstance(n, str), n == "ada lovelace")
d = {n: 1}
print(d["ada lovelace"], "ada lovelace" in d, hash(n) == hash("ada lovelace"))
print(f"{n}|{n:>14}|{n!r}", "%s/%r" % (n, n), "-".join([n, "b"]), "lace" in n)
print(n.startswith("ada"), n.split(), n.title(), sorted([Name("b"), Name("a")]), n * 2)
class Tag(str):
    def __new__(cls, value, kind):
        obj = super().__new__(cls, value.lower())
        obj.kind = kind
        return obj
    def __repr__(self):
        return f"Tag({str(self)!r}, {self.kind!r})"
t = Tag("HTML", "markup")
print(t, repr(t), t.kind, t == "html", str(t), [t])
class Stripped(str):
    def __str__(self):
        return "stripped"
s = Stripped("raw")
print(s, str(s), f"{s}", s + "!", repr(s))
print(int(Name("42")) + 1, float(Name("1.5")), Name("x").join(["a", "b"]))
