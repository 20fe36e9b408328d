# str methods on a str subclass give plain strs (even when nothing changed), and
# strip() strips exactly the whitespace Python counts (ASCII fast path and Unicode).
class S(str):
    pass
s = S("abc")
t = S("  abc  ")
cases = {
    "strip": s.strip(), "strip2": t.strip(), "lstrip": s.lstrip(), "rstrip": s.rstrip(),
    "strip_chars": s.strip("x"), "lower": S("abc").lower(), "upper": S("ABC").upper(),
    "replace": s.replace("x", "y"), "replace0": s.replace("a", "a", 0),
    "ljust": s.ljust(2), "rjust": s.rjust(3), "center": s.center(1), "zfill": s.zfill(2),
    "expandtabs": s.expandtabs(), "slice": s[:], "slice2": s[0:3], "add": s + "",
    "radd": "" + s, "mul": s * 1, "join": "".join([s]), "format": format(s), "fstr": f"{s}",
    "str": str(s), "title": S("Abc").title(), "swapcase": s.swapcase().swapcase(),
    "casefold": s.casefold(), "capitalize": S("Abc").capitalize(), "split": s.split()[0],
    "removeprefix": s.removeprefix("x"),
    "removesuffix": s.removesuffix("x"), "translate": s.translate({}),
}
for k, v in cases.items():
    print(k, repr(v), type(v).__name__)
print(" x ".strip(), "\x1c\x1dy\x1e\x1f".strip(), repr("\t\n\x0b\x0c\r z \x85".strip()), repr("\u00a0a\u2003".strip()))
print(repr("abc".strip("")), repr("xxaxx".strip("x")), repr("  ".strip()), repr("".lstrip()))
