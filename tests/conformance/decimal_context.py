import decimal, copy, math
from decimal import *
from fractions import Fraction

ctx = Context(prec=9, rounding=ROUND_HALF_UP)
print(ctx.add(Decimal("1.0000000005"), 0), ctx.divide(1, 7), ctx.power(2, 100), ctx.sqrt(2), ctx.exp(1), ctx.ln(2))
print(ctx.quantize(Decimal("2.675"), Decimal("0.01")), ctx.to_sci_string(Decimal("1e-10")), ctx.compare_total(Decimal(1), Decimal("1.0")))
print(ctx.Etiny(), ctx.Etop(), ctx.copy().prec, ctx.is_finite(Decimal(3)), ctx.number_class(Decimal("-0")), Decimal("0.1").number_class())
for x in ["0", "-0", "1", "-1", "1e999999", "1e-999999", "Inf", "-Inf", "NaN", "sNaN", "1e-1000000"]:
    print(x, Decimal(x).number_class(), Decimal(x).is_normal(), Decimal(x).is_subnormal() if x != "sNaN" else "")
print(Decimal("123.456").quantize(Decimal("1e1")), Decimal("123.456").quantize(Decimal("1e-5")))
try:
    Decimal("123.456").quantize(Decimal("1e-30"))
except InvalidOperation as e:
    print("quantize", e.args)
try:
    Decimal(-1).sqrt()
except InvalidOperation as e:
    print("sqrt", e.args)
try:
    Decimal(10) ** Decimal(999999999)
except Overflow as e:
    print("overflow", type(e).__name__, e.args)
try:
    Decimal(1) // 0
except DivisionByZero as e:
    print("floordiv", e.args)
try:
    Decimal(5) % 0
except InvalidOperation as e:
    print("mod", e.args)
try:
    int(Decimal("NaN"))
except ValueError as e:
    print("ValueError", e)
try:
    int(Decimal("Infinity"))
except OverflowError as e:
    print("OverflowError", e)
try:
    Decimal("1.5").to_integral_exact(context=Context(traps=[Inexact]))
except Inexact as e:
    print("Inexact", e.args)
with localcontext() as c:
    c.traps[Inexact] = True
    try:
        Decimal(1) / 3
    except Inexact as e:
        print("trap inexact", type(e).__name__)
    print(Decimal(1) / 4)
with localcontext(prec=5):
    print(Decimal(22) / 7)
with localcontext() as c:
    c.rounding = ROUND_UP
    print(Decimal("1.0001").quantize(Decimal("0.01")))
    print(c.rounding)
print(getcontext().rounding)
ctx2 = getcontext().copy()
ctx2.prec = 50
setcontext(ctx2)
print(Decimal(1) / 7)
setcontext(DefaultContext)
print(Decimal(1) / 7)
print(Decimal("1.5") == Fraction(3, 2), Decimal("0.5") < Fraction(2, 3), Decimal(3) == 3.0, Decimal("3.0") != 3)
print({Decimal("1.0"): "a", Decimal(1): "b", 1: "c"})
print(set([Decimal("2"), Decimal("2.00"), 2.0, 2]))
print(copy.copy(Decimal("5.5")), copy.deepcopy(Decimal("-5.5")))
print("%s %r %.3f %d %e" % (Decimal("1.25"), Decimal("1.25"), Decimal("1.25"), Decimal("7.9"), Decimal("12345")))
print("{} {:.1f} {:>8} {:<8}| {:^9}| {:08.3f} {:+} {: }".format(Decimal("2.5"), Decimal("2.25"), Decimal("1.5"), Decimal("1.5"), Decimal("1.5"), Decimal("-1.5"), Decimal(3), Decimal(3)))
for spec in ["", "f", ".0f", ".10f", "e", ".2e", "E", "g", ".2g", "G", "%", ".1%", ",", "_", ",.3f", "n", "*^12.2f", "=+10.1f", "10", "-", ".3"]:
    for v in ["1234.5678", "-0.000123", "0", "1E+20", "-Infinity", "NaN", "100"]:
        try:
            print(spec, v, repr(format(Decimal(v), spec)))
        except Exception as e:
            print(spec, v, type(e).__name__, e)
print(Decimal(2) ** 64, Decimal(2) ** -3, Decimal("1.1") ** 10, pow(Decimal(3), 4, 5), Decimal(-8) ** Decimal("0.5") if False else "")
print(Decimal(12345678901234567890123456789012345678901234567890) + 1)
print(Decimal("9" * 30) + 1, Decimal("1e28") + Decimal("1"))
print(math.floor(Decimal("1e30")), math.trunc(Decimal("-7.7")), round(Decimal("1.23456"), 3), round(Decimal("-0.5")), round(Decimal("1.5")))
print(Decimal("0.1") + Decimal("0.2") == Decimal("0.3"), float(Decimal("0.1")) + float(Decimal("0.2")))
print(Decimal(1).compare_total(Decimal("NaN")), Decimal("-0").compare(Decimal("0")), Decimal("1.0").same_quantum(Decimal("2.0")))
print(Decimal("1010").logical_xor(Decimal("0110")), Decimal("1100").logical_or(Decimal("0011")), Decimal("101").logical_invert(Context(prec=5)))
print(Decimal("12345").shift(2), Decimal("12345").rotate(-2), Decimal("1.2345").scaleb(-2), Decimal(2).log10(), Decimal("1000").logb())
print(Decimal("NaN123"), Decimal("-sNaN45"), repr(Decimal("nan")), Decimal("inf") > Decimal("1e999"), Decimal("-inf") < 0)
print(Decimal(3).conjugate(), Decimal(3).real, Decimal(3).imag, Decimal("1.500").canonical(), Decimal("2").is_canonical())
print(Decimal.from_float(1.1), Decimal(2**0.5), Decimal(1e300), Decimal(5e-324))
print(Decimal("1.23E-7").to_eng_string(), Decimal("-1.5E+5").to_eng_string(), Decimal("0E+7").to_eng_string(), str(Decimal("0E-9")), Decimal("1.000E+5"))
print(Decimal(12).radix(), Decimal("-1").is_signed(), Decimal(7).next_toward(8), Decimal("1.5").as_integer_ratio(), Decimal("-2.5E3").as_integer_ratio())
print(getcontext().flags[Inexact], getcontext().flags[Rounded])
getcontext().clear_flags()
print(Decimal("3") / Decimal("2"), getcontext().flags[Inexact])
print(Decimal(1) / 3, getcontext().flags[Inexact], getcontext().flags[Rounded])
print(repr(getcontext()))
print(repr(ExtendedContext), repr(BasicContext))
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(InvalidOperation, ArithmeticError), issubclass(FloatOperation, TypeError), issubclass(Inexact, DecimalException))
print(ConversionSyntax.__mro__)
print(sorted([Decimal("1.10"), Decimal("1.1"), Decimal("1.09"), Decimal("-0"), Decimal("0")]))
print(Decimal("1") - Decimal("1.00"), Decimal("0.00") * Decimal("-3"), Decimal("-0") + Decimal("0"), Decimal(5) // Decimal(-2), Decimal(-5) % Decimal(3), divmod(Decimal(-7), Decimal(2)))
print(Decimal("5.0") / Decimal("2"), Decimal("1E2") / Decimal("1E-2"), Decimal("100.0") / 10)
print(getcontext().create_decimal_from_float(0.1))
c = Context(prec=3, traps=[FloatOperation])
try:
    c.create_decimal_from_float(0.5)
    print(Decimal("1") < 1.5)
    with localcontext(c):
        Decimal("1") < 1.5
except FloatOperation as e:
    print("FloatOperation", e.args)
print(decimal.__version__, decimal.__libmpdec_version__ if False else "", decimal.HAVE_THREADS, decimal.HAVE_CONTEXTVAR)
raise InvalidOperation([ConversionSyntax])
