import random
random.seed(2024)
alpha = ["a", "b", "A", " ", "\t", "\n", ",", "ß", "é", "İ", "ǅ", "1", "_", "x", "ab", "\r\n", "\u2028", "😀", "Σ"]
def rs(n=None):
    return "".join(random.choice(alpha) for _ in range(random.randint(0, 8) if n is None else n))
def ri(): return random.choice([None, -20, -3, -1, 0, 1, 2, 5, 30])
out = []
for _ in range(5000):
    s = rs(); m = random.randint(0, 26)
    try:
        if m == 0: r = s.split(random.choice([None, ",", " ", "ab", "a"]), random.choice([-1, 0, 1, 2]))
        elif m == 1: r = s.rsplit(random.choice([None, ",", " ", "a"]), random.choice([-1, 0, 1, 2]))
        elif m == 2: r = s.strip(random.choice([None, "a ", "\n", "", "ab,"]))
        elif m == 3: r = (s.find(rs(1), ri(), ri()), s.rfind(rs(1), ri(), ri()))
        elif m == 4: r = s.count(rs(random.randint(0, 2)), ri(), ri())
        elif m == 5: r = s.replace(rs(random.randint(0, 1)), rs(1), random.choice([-1, 0, 1, 2]))
        elif m == 6: r = (s.partition(rs(1)), s.rpartition(rs(1)))
        elif m == 7: r = (s.center(random.randint(0, 12), random.choice("*-é")), s.ljust(random.randint(0, 10)), s.rjust(random.randint(0, 10), "0"))
        elif m == 8: r = s.zfill(random.randint(0, 10))
        elif m == 9: r = s.expandtabs(random.choice([0, 1, 4, 8]))
        elif m == 10: r = (s.startswith((rs(1), rs(1)), ri(), ri()), s.endswith(rs(random.randint(0, 2)), ri()))
        elif m == 11: r = (s.splitlines(), s.splitlines(True))
        elif m == 12: r = (s.title(), s.capitalize(), s.swapcase(), s.casefold(), s.upper(), s.lower())
        elif m == 13: r = (s.isalpha(), s.isalnum(), s.isdigit(), s.isspace(), s.istitle(), s.isupper(), s.islower(), s.isidentifier(), s.isprintable(), s.isdecimal(), s.isnumeric(), s.isascii())
        elif m == 14: r = s[ri():ri():random.choice([None, 1, 2, -1, -2, 3])]
        elif m == 15: r = s.index(rs(1))
        elif m == 16: r = s.rindex(rs(1), ri())
        elif m == 17: r = (s.removeprefix(rs(1)), s.removesuffix(rs(1)))
        elif m == 18: r = rs(1).join([rs(), rs(), rs()])
        elif m == 19: r = (s.lstrip(rs(2)), s.rstrip(rs(2)))
        elif m == 20: r = s.encode("utf-8", "strict").decode("latin-1")
        elif m == 21: r = (repr(s), ascii(s), len(s))
        elif m == 22: r = sorted(s) + [max(s) if s else ""]
        elif m == 23: r = s.translate({ord("a"): "Z", ord(" "): None})
        elif m == 24: r = (s < rs(), s == s[:], s * random.randint(0, 3))
        elif m == 25: r = s.split()
        else: r = (s.find(""), s.count(""), s.rfind(""), s.replace("", "-"))
    except Exception as e:
        r = f"{type(e).__name__}: {e}"
    out.append(f"{m} {s!r} -> {r!r}")
print("\n".join(out))
