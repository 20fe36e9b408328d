import decimal
from decimal import Decimal, getcontext, localcontext, Context, InvalidOperation, DivisionByZero
from decimal import ROUND_HALF_UP, ROUND_DOWN, ROUND_UP, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP

print(Decimal("1.1") + Decimal("2.2"))
print(repr(Decimal("1.10")), repr(Decimal(5)), repr(Decimal(-0)), repr(Decimal("-0")))
print(Decimal(0.1))
print(Decimal(1.5), Decimal(-2.25), Decimal(float("inf")), Decimal(float("-inf")))
print(Decimal((0, (1, 4, 1, 4), -3)), Decimal((1, (2, 5), 2)))
print(Decimal("  3.14  "), Decimal("1e10"), Decimal("1E-7"), Decimal("NaN"), Decimal("-Infinity"), Decimal("sNaN"))
print(Decimal(10**30), Decimal(-12345678901234567890))
print(Decimal("1_000.5"))
a, b = Decimal("10.25"), Decimal("3")
print(a + b, a - b, a * b, a / b, a // b, a % b, -a, +a, abs(-a), a ** 2, divmod(a, b))
print(b ** -2, Decimal(2) ** Decimal("0.5"))
print(a + 1, 1 + a, a * 2, 7 - a, a / 4, 100 / a)
print(Decimal(1) / Decimal(7))
print(getcontext().prec)
getcontext().prec = 6
print(Decimal(1) / Decimal(7))
getcontext().prec = 28
with localcontext() as ctx:
    ctx.prec = 3
    print(Decimal(2).sqrt(), Decimal(1) / Decimal(3))
print(Decimal(2).sqrt())
with localcontext(Context(prec=10, rounding=ROUND_DOWN)) as c:
    print(Decimal(2) / 3, c.prec)
print(Decimal(2) / 3)
for mode in [ROUND_HALF_UP, ROUND_DOWN, ROUND_UP, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP]:
    print(mode, [str(Decimal(x).quantize(Decimal("0.1"), rounding=mode)) for x in ["1.25", "1.35", "-1.25", "1.21", "-1.29", "1.05", "1.01"]])
print(Decimal("3.14159").quantize(Decimal("0.01")), Decimal("2.5").quantize(Decimal("1")), Decimal("7.325").quantize(Decimal("1.00"), ROUND_HALF_UP))
print(Decimal("1.30") == Decimal("1.3"), Decimal("1.3") < Decimal("1.31"), Decimal(1) == 1, Decimal("0.5") == 0.5, Decimal("0.1") == 0.1)
print(Decimal(2) > 1, Decimal(2) <= 2.0, max(Decimal(1), Decimal("1.5")), sorted([Decimal(3), Decimal("-1"), Decimal("2.5")]))
print(hash(Decimal(1)) == hash(1), hash(Decimal("1.5")) == hash(1.5), hash(Decimal("1.10")) == hash(Decimal("1.1")), hash(Decimal("0.1")))
print(hash(Decimal("-1")), hash(Decimal("123456789.987654321")), hash(Decimal("Infinity")))
print(int(Decimal("3.7")), int(Decimal("-3.7")), float(Decimal("3.7")), round(Decimal("3.75"), 1), round(Decimal("2.5")), round(Decimal("3.5")))
print(Decimal("3.7").to_integral_value(), Decimal("12.345").as_tuple(), Decimal("0.75").as_integer_ratio())
print(math_floor := __import__("math").floor(Decimal("-2.5")), __import__("math").ceil(Decimal("2.1")))
print(f"{Decimal('3.14159'):.2f}", f"{Decimal('1234567.891'):,.2f}", f"{Decimal('0.5'):%}", f"{Decimal('1.5e10'):e}", f"{Decimal('42'):>10}|", f"{Decimal('-3.5'):+.3f}")
print(format(Decimal("123.456"), "g"), format(Decimal("0.000012345"), ".3g"), format(Decimal("123.456"), "010.2f"), format(Decimal("1e100"), "f")[:20])
print(str(Decimal("1E+3")), str(Decimal("0.0000001")), Decimal("1E+3").normalize(), Decimal("100").normalize(), Decimal("1.000").normalize())
print(Decimal("123.45").to_eng_string(), Decimal("1.2E+7").to_eng_string())
print(Decimal("-5").copy_abs(), Decimal("5").copy_negate(), Decimal("5").copy_sign(Decimal("-1")))
print(Decimal("2.5").is_signed(), Decimal("NaN").is_nan(), Decimal("inf").is_infinite(), Decimal("0").is_zero(), Decimal("1.5").adjusted(), Decimal("123.4").exponent if False else Decimal("123.4").as_tuple().exponent)
print(Decimal(10).ln(), Decimal(100).log10(), Decimal(1).exp())
print(Decimal("7").fma(2, 3), Decimal("10").compare(Decimal("3")), Decimal("1").max(Decimal("2")), Decimal("1").min(Decimal("2")))
print(Decimal("10").remainder_near(3), Decimal("1.5").next_plus(), Decimal("1.5").next_minus())
try:
    Decimal("abc")
except InvalidOperation as e:
    print("InvalidOperation", type(e).__name__, e.args)
try:
    Decimal(1) / 0
except DivisionByZero as e:
    print("DivisionByZero", type(e).__name__, e.args, isinstance(e, ZeroDivisionError), isinstance(e, ArithmeticError))
try:
    Decimal(0) / 0
except InvalidOperation as e:
    print("InvalidOperation", e.args)
try:
    Decimal("NaN") < 1
except InvalidOperation as e:
    print("cmp nan", e.args)
try:
    Decimal(1) + 1.5
except TypeError as e:
    print("TypeError")
print(Decimal("NaN") == Decimal("NaN"), Decimal("sNaN").is_snan())
c = getcontext()
c.traps[DivisionByZero] = False
print(Decimal(1) / 0, Decimal(-1) / 0)
print(c.flags[DivisionByZero])
c.clear_flags()
c.traps[DivisionByZero] = True
print(repr(getcontext()))
print(decimal.BasicContext.prec, decimal.ExtendedContext.prec, decimal.DefaultContext.prec)
print(Context(prec=5).create_decimal("1.234567"), Context(prec=5).plus(Decimal("9.99999")))
print(decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN)
print(type(Decimal(1)), Decimal.__module__, DivisionByZero.__mro__)
print(Decimal.from_float(0.25), Decimal("1.23").scaleb(2), Decimal("12345").shift(2) if False else Decimal("123").rotate(1))
print(sum([Decimal("0.1")] * 10), Decimal("0.1") * 3 == Decimal("0.3"))
print(isinstance(Decimal(1), __import__("numbers").Number), isinstance(Decimal(1), __import__("numbers").Rational))
print(bool(Decimal(0)), bool(Decimal("0.00")), bool(Decimal("0.01")))
print(Decimal(" -0.00E-2 "), Decimal("1e-1000000") if False else Decimal("1e999"), Decimal("12").sqrt())
print([Decimal(i) / 8 for i in range(5)])
print(Decimal("1.1").__round__(), Decimal("123.456").__round__(-1), Decimal("5").logical_and(Decimal("3")) if False else "")
