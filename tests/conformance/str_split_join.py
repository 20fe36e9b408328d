# split/rsplit/join/splitlines.
s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print(s.split(None, 2))
print(s.rsplit(None, 2))
print("a,b,,c,".split(","))
print("a,b,,c,".split(",", 2))
print("a,b,,c,".rsplit(",", 2))
print("a::b::c".split("::"), "a::b::c".rsplit("::", 1))
print("".split(), "".split(","), "   ".split(), "abc".split("abc"))
print("x".split("x"), "xx".split("x"), "a b".split(" ", 0), "a b c".split(maxsplit=1))
print("one\ntwo\r\nthree\rfour\n\nfive".splitlines())
print("one\ntwo\n".splitlines(), "one\ntwo\n".splitlines(True), "".splitlines(), "\n".splitlines())
print("line1\nline2".split("\n"), "a\x0bb\x0cc".splitlines())
print(",".join(["a", "b", "c"]), "".join([]), " ".join("abc"), "-".join(("x",)))
print(", ".join(str(i) for i in range(5)))
print("\n".join(["first", "second"]))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
words = "the cat sat on the mat".split()
print(len(words), words[::2], "+".join(reversed(words)))
print("k=v; k2=v2 ;k3 = v3".split(";"))
print([p.strip().split("=") for p in "k=v; k2=v2 ;k3 = v3".split(";")])
print("1 2  3   4".split(" "), "tab\tsep\t\tx".split("\t"))
print("a-b-c-d".rsplit("-", 1)[0], "a-b-c-d".split("-", 1)[1])
