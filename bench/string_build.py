# string_build: building strings by concatenation, join, f-strings, slicing and replace;
# checksums the result with a hand-rolled hash (no hash() so every runtime agrees).
# scale: default=400000 smoke=500
import sys


def checksum(s):
    h = 0
    for ch in s:
        h = (h * 31 + ord(ch)) % 1000000007
    return h


def build_concat(n):
    lines = []
    s = ""
    for i in range(n):
        s += str(i % 97)
        if i % 10 == 9:
            s += ","
        if len(s) > 200:
            lines.append(s)
            s = ""
    lines.append(s)
    return "\n".join(lines)


def build_join(n):
    parts = []
    for i in range(n):
        parts.append(f"item{i}:{i * i % 1000:03d}")
    return ";".join(parts)


def rewrite(s):
    s = s.replace("item", "it")
    s = s.replace(":0", ":z")
    pieces = s.split(";")
    out = []
    for p in pieces:
        if len(p) > 8:
            out.append(p[:4] + p[-3:])
        else:
            out.append(p.upper())
    return "|".join(out)


def render_table(n):
    rows = []
    for i in range(n):
        name = "row" + str(i)
        rows.append(f"{name:<10}|{i:>8}|{i / 7:>12.3f}|{name.upper():^10}")
    return "\n".join(rows)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400000
    a = build_concat(n)
    b = build_join(n)
    c = rewrite(b)
    d = render_table(n // 4)
    for name, s in (("concat", a), ("join", b), ("rewrite", c), ("table", d)):
        print(f"{name}: len={len(s)} checksum={checksum(s)} head={s[:24]!r}")


main()
