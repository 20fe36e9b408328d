# UTF-16/UTF-32 (with and without byte order mark) and UTF-8-SIG: encode, decode,
# decode errors, and text files that write the mark once
for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig", "UTF_8_SIG"]:
    for text in ["héllo", "😀 wide", ""]:
        b = text.encode(enc)
        print(enc, b, b.decode(enc) == text, len(b))
print(b"\xfe\xff\x00h\x00i".decode("utf-16"), b"h\x00i\x00".decode("utf-16"), b"\xef\xbb\xbfabc".decode("utf-8-sig"), b"abc".decode("utf-8-sig"))
def t(f):
    try:
        print(repr(f()))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e, e.encoding, e.start, e.end, e.reason)
t(lambda: b"h\x00i".decode("utf-16-le"))
t(lambda: b"\x00\xd8a\x00".decode("utf-16-le"))
t(lambda: b"\x00\xdca\x00".decode("utf-16-le"))
t(lambda: b"\x00\xd8".decode("utf-16-le"))
t(lambda: b"\x00\x00\x11\x00".decode("utf-32-le"))
t(lambda: b"abc".decode("utf-32"))
t(lambda: b"h\x00i".decode("utf-16-le", "replace"))
t(lambda: b"\x00\xdca\x00".decode("utf-16-le", "ignore"))
t(lambda: b"\x00\xdca\x00".decode("utf-16-be", "backslashreplace"))
import io, os, tempfile
d = tempfile.mkdtemp(); p = os.path.join(d, "f.txt")
for enc in ["utf-16", "utf-8-sig", "utf-32-be"]:
    with open(p, "w", encoding=enc) as f:
        f.write("line1\nlíne2 😀\n")
    with open(p, "rb") as f:
        raw = f.read()
    with open(p, encoding=enc) as f:
        print(enc, len(raw), raw[:4], f.readlines())
os.remove(p); os.rmdir(d)
import os, tempfile
d = tempfile.mkdtemp(); p = os.path.join(d, "f.txt")
for enc in ["utf-16", "utf-8-sig", "utf-32"]:
    with open(p, "w", encoding=enc) as f:
        f.write("ab"); f.write("c\n"); print("x", file=f)
    with open(p, "rb") as f:
        print(enc, f.read())
    with open(p, "a", encoding=enc) as f:
        f.write("more")
    with open(p, "rb") as f:
        print(enc, f.read())
    with open(p, encoding=enc) as f:
        print(repr(f.read()))
os.remove(p); os.rmdir(d)
