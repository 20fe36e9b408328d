# unicode_escape, raw_unicode_escape and cp1252: encode, decode, errors
def t(f):
    try:
        print(repr(f()))
    except (UnicodeError, LookupError) as e:
        print(type(e).__name__ + ":", e)
for s in ["plain", "tab\there\nnew", "quote'\"back\\slash", "é ü ÿ", "€ Ω 😀", "\x00\x7f\x1b"]:
    t(lambda: s.encode("unicode_escape"))
    t(lambda: s.encode("unicode_escape").decode("unicode_escape") == s)
    t(lambda: s.encode("raw_unicode_escape"))
    t(lambda: s.encode("raw_unicode_escape").decode("raw_unicode_escape") == s)
t(lambda: b"a\\tb\\n\\x41\\u00e9\\U0001F600\\101\\0\\'".decode("unicode_escape"))
t(lambda: b"line\\\ncont".decode("unicode_escape"))
t(lambda: b"\\x4".decode("unicode_escape"))
t(lambda: b"\\u12".decode("unicode_escape"))
t(lambda: b"abc\\".decode("unicode_escape"))
t(lambda: b"\\U00110000".decode("unicode_escape"))
t(lambda: b"\\x4g".decode("unicode_escape", "replace"))
t(lambda: b"raw\\n\\u00e9\\x41\\".decode("raw_unicode_escape"))
t(lambda: r"C:\new\table".encode().decode("unicode_escape"))
for s in ["café", "€uro “quotes” — dash", "Ā"]:
    t(lambda: s.encode("cp1252"))
    t(lambda: s.encode("cp1252", "replace"))
t(lambda: bytes(range(0x80, 0xa0)).decode("cp1252", "replace"))
t(lambda: b"\x81".decode("cp1252"))
t(lambda: b"\x93hi\x94 \x80".decode("windows-1252"))
