# strip family, replace, removeprefix/suffix.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "abcba".lstrip("ab"), "abcba".rstrip("ab"))
print(repr("".strip()), repr("   ".strip()), "hello".strip("lo"), "hello".strip(""))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "aaa".replace("aa", "b"))
print("abc".replace("", "-"), "abc".replace("x", "y"), "a.b.c".replace(".", ""))
print("hello".replace("l", "L", 0), "hello".replace("l", "L", -1), "ababab".replace("ab", "ba"))
print("spam.py".removesuffix(".py"), "spam.py".removeprefix("sp"), "x".removeprefix("xy"))
print("mississippi".replace("ss", "SS"), "mississippi".replace("i", "", 2))
print("Hello World".startswith("Hell"), "Hello".startswith(("x", "He")), "Hello".endswith("lo"),
      "Hello".endswith(("a", "b")), "Hello".startswith("ello", 1), "Hello".endswith("ell", 0, 4))
print("abc".startswith(""), "".endswith(""), "".startswith("a"))
text = "  a  b  "
print("[" + text.strip() + "]", "[" + text.replace(" ", "") + "]")
print("tab\there".expandtabs(), "a\tbc\tdef\tg".expandtabs(4), "x\ty".expandtabs(1), repr("\t".expandtabs(3)))
print("12\t3\n\t4".expandtabs(2))
