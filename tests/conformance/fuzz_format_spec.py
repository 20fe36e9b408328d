import random
random.seed(12345)
vals = [0, 1, -1, 7, -42, 255, 1000000, -1234567, 2**64, -(2**70), 0.0, -0.0, 1.5, -2.5, 3.14159265, 1e-7, 1.5e16, 123456.789, -0.0005, float("inf"), float("-inf"), float("nan"), 1e300, 5e-324, True, False]
fills = ["", "*", "0", " ", "_"]
aligns = ["", "<", ">", "^", "="]
signs = ["", "+", "-", " "]
types_int = ["", "d", "b", "o", "x", "X", "n", "c", "e", "f", "g", "%", "E", "G"]
types_float = ["", "e", "E", "f", "F", "g", "G", "n", "%"]
out = []
for _ in range(6000):
    v = random.choice(vals)
    fill = random.choice(fills); align = random.choice(aligns)
    if fill and not align: align = ">"
    sign = random.choice(signs)
    alt = random.choice(["", "#"])
    zero = random.choice(["", "", "0"])
    width = random.choice(["", "1", "8", "15"])
    grouping = random.choice(["", "", ",", "_"])
    prec = random.choice(["", "", ".0", ".1", ".3", ".10"])
    ty = random.choice(types_float if isinstance(v, float) else types_int)
    spec = f"{fill}{align}{sign}{alt}{zero}{width}{grouping}{prec}{ty}"
    try:
        r = format(v, spec)
    except (ValueError, TypeError, OverflowError) as e:
        r = f"{type(e).__name__}: {e}"
    out.append(f"{v!r} {spec!r} -> {r!r}")
print("\n".join(out))
