import random, operator as op
random.seed(99)
vals = [0, 1, -1, 7, -7, 2**31, -(2**63), 2**64 + 3, 0.5, -0.0, 1e308, float("inf"), float("nan"), True, False, 3 + 4j, "ab", "", [1], (2,), None, b"x"]
ops = [("+", op.add), ("-", op.sub), ("*", op.mul), ("/", op.truediv), ("//", op.floordiv), ("%", op.mod), ("**", op.pow), ("<<", op.lshift), (">>", op.rshift), ("&", op.and_), ("|", op.or_), ("^", op.xor), ("<", op.lt), ("==", op.eq), (">=", op.ge)]
out = []
for _ in range(6000):
    a = random.choice(vals); b = random.choice(vals); name, f = random.choice(ops)
    if name == "**" and isinstance(a, int) and isinstance(b, int) and not isinstance(b, bool) and abs(b) > 1000: continue
    if name == "<<" and isinstance(b, int) and b > 1000: continue
    if name == "**" and isinstance(b, complex): continue
    if name == "*" and isinstance(b, int) and not isinstance(b, bool) and b > 10**6 and isinstance(a, (str, list, tuple, bytes)): continue
    if name == "*" and isinstance(a, int) and not isinstance(a, bool) and a > 10**6 and isinstance(b, (str, list, tuple, bytes)): continue
    try: r = f(a, b); r = repr(r) if not (isinstance(r, float) and r != r) else "nan"
    except Exception as e: r = f"{type(e).__name__}: {e}"
    out.append(f"{a!r} {name} {b!r} -> {r}")
print("\n".join(out))
