# partition, rpartition, misc slicing of strings.
for s in ["key=value", "key=value=more", "novalue", "=start", "end=", ""]:
    print(s.partition("="), s.rpartition("="))
print("a.b.c".partition("."), "a.b.c".rpartition("."), "abc".partition("abc"))
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError:", e)
s = "0123456789"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-7], s[::3], s[1::2], s[::-2], s[8:2:-2], s[5:5], s[9:1])
print(s[-100:100], s[100:], s[3:-3], s[-1:-4:-1], s[::-1][:3])
print(s[2], s[-1], s[len(s) - 1])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "x"
except TypeError as e:
    print("TypeError:", e)
print("ab" * 3, 3 * "cd", "x" * -1 == "", "a" + "b" * 2)
path = "/usr/local/lib/python3.11/site.py"
head, sep, tail = path.rpartition("/")
print(head, tail, tail.partition(".")[0])
print(len(""), len("abc"), str(), str("x"), "abc"[1:] + "abc"[:1])
print("%r" % "abc"[::-1], "".join(sorted("banana")), "banana".index("n"), "banana".rindex("an"))
