# The empty str and bytes hash to 0 whatever the hash seed (as in CPython).
print(hash(""), hash(b""), hash("") == hash(b""), hash(str()), hash("a"[1:]))
d = {"": "empty", 0: "zero"}
print(d, d[""], len({"", 0, b""}))
print(sorted({"": 1, "x": 2}), "" in {"": 0}, {"", ""} == {""})
