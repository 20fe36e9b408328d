# Building strings: concatenation in loops, join, repetition, multiline literals.
s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
parts = []
for word in ["alpha", "beta", "gamma"]:
    parts.append(word[0].upper() + word[1:])
print(" ".join(parts), "".join(parts), "/".join(p.lower() for p in parts))
table = [("name", "qty", "price"), ("apple", 3, 0.5), ("watermelon", 1, 3.25), ("fig", 12, 0.2)]
w = [max(len(str(row[i])) for row in table) for i in range(3)]
for row in table:
    print(" | ".join(str(v).ljust(w[i]) if i == 0 else str(v).rjust(w[i]) for i, v in enumerate(row)))
print("-" * 20)
print("=" * 3 + ">" + "<" + "=" * 3)
ml = """line one
  line two (indented)
line three"""
print(ml)
print(len(ml.splitlines()), ml.count("line"))
raw = r"C:\new\table\x"
print(raw, len(raw), raw.split("\\"))
print("con" "cat" "enation", ("implicit "
                               "join"))
print("a\tb\\n", 'single \'quoted\'', "double \"quoted\"", "\x41\x42", "\101\102", "\u00e9")
esc = "bell\a back\b form\f vt\v nul\0 end"
print(repr(esc))
name, n = "widget", 3
print("There are " + str(n) + " " + name + "s", "There are %d %ss" % (n, name), f"There are {n} {name}s")
rows = "\n".join(f"{i:>2}: {'*' * i}" for i in range(1, 6))
print(rows)
print("abc" * 0 == "", "ab" * 3, "-".join("ab" * 2), "x".join(["", ""]))
buf = []
for i in range(3):
    buf.append("[%s]" % ",".join(str(j) for j in range(i + 1)))
print("".join(buf))
print(str.join(", ", ["x", "y"]), str.upper("q"), "".join(reversed("stressed")))
