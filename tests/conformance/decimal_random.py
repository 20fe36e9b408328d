# Pseudo-random differential checks: the same operations on many values.
import random
from decimal import Decimal, Context, localcontext, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP, InvalidOperation, DivisionByZero, Overflow

rng = random.Random(12345)
modes = [ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP]

def rand_dec():
    k = rng.randrange(10)
    if k == 0:
        return Decimal(rng.choice(["0", "-0", "Infinity", "-Infinity", "NaN", "0E+5", "0.000"]))
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 40)))
    exp = rng.randrange(-40, 40)
    sign = rng.choice("+-")
    return Decimal(f"{sign}{digits}E{exp}")

def show(f):
    try:
        r = f()
    except (InvalidOperation, DivisionByZero, Overflow) as e:
        return type(e).__name__
    except (ValueError, OverflowError, TypeError) as e:
        return type(e).__name__ + ": " + str(e)
    return str(r)

lines = []
for i in range(200):
    a, b = rand_dec(), rand_dec()
    prec = rng.randrange(1, 50)
    mode = rng.choice(modes)
    with localcontext(Context(prec=prec, rounding=mode)):
        row = [
            show(lambda: a + b), show(lambda: a - b), show(lambda: a * b), show(lambda: a / b),
            show(lambda: a // b), show(lambda: a % b), show(lambda: a.compare(b)),
            show(lambda: a.sqrt()), show(lambda: a.quantize(Decimal("1E-3"))),
            show(lambda: a.normalize()), show(lambda: a.to_integral_value()),
            show(lambda: a.max(b)), show(lambda: a.min_mag(b)), show(lambda: a.fma(b, 1)),
            show(lambda: a < b), show(lambda: a == b),
            show(lambda: hash(a) if not a.is_nan() else "nan"), show(lambda: int(a)), show(lambda: float(a)),
            show(lambda: f"{a:.5e}"), show(lambda: f"{a:,.3f}"), show(lambda: f"{a:g}"),
            show(lambda: a.to_eng_string()), show(lambda: round(a, 2)),
        ]
    lines.append(" | ".join(row))
for i in range(30):
    a = abs(rand_dec())
    with localcontext(Context(prec=rng.randrange(5, 30))):
        lines.append(" | ".join([show(lambda: a.ln()), show(lambda: a.log10()), show(lambda: (a / 10**a.adjusted()).exp() if a.is_finite() else a.exp()),
                                 show(lambda: a ** Decimal("0.5")), show(lambda: a ** 3), show(lambda: a ** -2)]))
for f in [0.1, 1.5, -2.75, 1e-300, 3.141592653589793, 2.0**60, 1/3]:
    lines.append(str(Decimal(f)) + " " + str(Decimal(f).as_integer_ratio()) + " " + str(hash(Decimal(f)) == hash(f)))
print("\n".join(lines))
