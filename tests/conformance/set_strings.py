# Sets of strings and tuples (sorted before printing), set algebra on words.
a = set("the quick brown fox".split())
b = set("the lazy brown dog".split())
print(sorted(a), sorted(b))
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(len(a | b), "fox" in a, "fox" in b, {"the", "brown"} <= a, a >= {"fox"}, a.isdisjoint({"cat"}))
vowels = set("aeiou")
text = "programming language"
print(sorted(set(text) & vowels), sorted(set(text) - vowels - {" "}), len(set(text)))
seen = set()
dupes = []
for w in "a b c a d b e a".split():
    if w in seen:
        dupes.append(w)
    seen.add(w)
print(dupes, sorted(seen))
pairs = {(1, "a"), (2, "b"), (1, "a")}
print(sorted(pairs), len(pairs))
fs = frozenset(["x", "y"])
d = {fs: "frozen key"}
print(d[frozenset(["y", "x"])], sorted(fs | {"z"}))
words = ["listen", "silent", "enlist", "google", "gogole", "cat", "act", "tac", "dog"]
groups = {}
for w in words:
    groups.setdefault(frozenset(w) if False else "".join(sorted(w)), []).append(w)
print(sorted(groups.values()))
s = {"b", "a"}
s.add("c")
s.discard("a")
s.update(["d", "e"])
print(sorted(s), len(s))
print(sorted({w.lower() for w in ["A", "a", "B"]}), sorted(set("Mississippi".lower())))
e = set()
print(e, len(e), sorted(e), bool(e), set() == frozenset())
print(sorted({1, 2, 3} | {"x"}, key=str))
