import random
random.seed(7)
vals = [0, 1, -1, 42, -255, 2**70, 0.0, -0.0, 1.5, -2.5, 3.14159, 1e-7, 1.5e16, float("inf"), float("nan"), "abc", "", True, None, [1], (1,)]
out = []
for _ in range(5000):
    v = random.choice(vals)
    flags = "".join(random.sample(["-", "+", " ", "#", "0"], random.randint(0, 2)))
    width = random.choice(["", "5", "12"]); prec = random.choice(["", ".0", ".2", ".8"])
    ty = random.choice("diouxXeEfFgGcrsa%")
    fmt = f"%{flags}{width}{prec}{ty}"
    try:
        r = fmt % (v,) if ty != "%" else fmt % ()
    except (ValueError, TypeError, OverflowError) as e:
        r = f"{type(e).__name__}: {e}"
    out.append(f"{fmt!r} {v!r} -> {r!r}")
print("\n".join(out))
