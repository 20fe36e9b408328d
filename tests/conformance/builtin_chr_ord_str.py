# chr, ord, str, repr, ascii-ish conversions, format.
print(ord("a"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("é"), ord("€"), ord("😀"))
print(chr(97), chr(48), repr(chr(0)), repr(chr(9)), chr(8364), chr(128512), repr(chr(127)), chr(0x10FFFF) == "\U0010ffff")
print([chr(c) for c in range(ord("a"), ord("f"))], "".join(chr(ord(c) + 1) for c in "HAL"))
print(str(1), str(1.0), str(-0.5), str(True), str(None), str([1]), str("s"), str(), str(b"" if False else ""))
print(repr(1), repr("s"), repr([1, "s"]), repr(None), repr(1e-10), repr(1e16), repr(2.0))
print(len(str(2 ** 200)), str(10 ** 15), str(1e15), str(1e16), str(-1e-4), str(1e-4), str(0.0001234))
print(format(3.14159, ".3f"), format(42, "08b"), format("x", "^5"), format(1e6, ","), format(-1, "+"), format(7, ""))
s = "Caesar"
shift = 3
enc = "".join(chr((ord(c) - 65 + shift) % 26 + 65) if c.isupper() else chr((ord(c) - 97 + shift) % 26 + 97) for c in s)
print(enc)
print(sorted("Hello World", key=ord), sorted("bca", reverse=True))
print(ord(str(7)) - ord("0"), chr(ord("a") - 32), str(ord("z") - ord("a")))
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
try:
    chr("a")
except TypeError as e:
    print("TypeError:", e)
print(str(3) + str(4), int(str(34)) + 1, str(int("0012")), float(str(0.1)) == 0.1)
