import decimal, statistics, fractions, math, json
from decimal import Decimal as D
data = [D("1.5"), D("2.25"), D("3.125"), D("4")]
print(statistics.mean(data), statistics.median(data), statistics.fsum if False else "", sum(data, D(0)))
print(fractions.Fraction(D("1.25")), fractions.Fraction.from_decimal(D("0.1")), fractions.Fraction(3, 4) == D("0.75"), D("0.75") == fractions.Fraction(3, 4))
print(math.isclose(D("1.0"), 1.0), math.sqrt(D(2)), math.floor(D("-1.5")), math.fsum([D("0.1")] * 3))
print("{:.3f} {:>10.2e} {!r} {!s}".format(D("3.14159"), D("12345.678"), D("1.0"), D("1.0")))
class Money(D):
    def __repr__(self):
        return f"Money({str(self)!r})"
    def __add__(self, other):
        return Money(D.__add__(self, other))
m = Money("10.50")
print(repr(m), repr(m + D("1.25")), isinstance(m, D), type(m + 1).__name__, m * 2)
try:
    json.dumps(D("1.5"))
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"v": str(D("1.50"))}), json.loads('{"x": 1.10}', parse_float=D))
print(sorted([D("2"), 1, 1.5, D("0.5")]), max(D("1"), 2), min(3, D("2.5")))
print(D(5) > 4.9, D("4.9") < 5, D(1) == True, {D(1): "one"}[1], {1: "x"}[D("1.000")])
print(f"{D('1234567.891'):_}" if False else "", f"{D('-0'):f}", f"{D('12.5'):08.3f}", f"{D('5'):.0%}")
print(D(2) ** D("0.5"), D("1e-5").sqrt(), D("123.456e-10"), -D("0.0"), abs(D("-0.00")))
print(divmod(D("7.5"), 2), D("7.5") // 2, D("-7.5") % 2, 7.5 // 2, -7.5 % 2)
ctx = decimal.Context(prec=3, rounding=decimal.ROUND_HALF_UP)
print(ctx.create_decimal("2.345"), ctx.create_decimal(1234), +D("1.23456"), ctx.plus(D("1.23456")))
print(D("1.23").adjusted(), D("0.001").adjusted(), D("-1e10").copy_abs(), D(7).is_integer() if hasattr(D, "is_integer") else "n/a")
print(decimal.getcontext().Emax, decimal.getcontext().Emin, decimal.getcontext().capitals, decimal.getcontext().clamp)
print(D("1e500000") * D("1e500000") if False else "", D(10) ** 100)
try:
    with decimal.localcontext() as c:
        c.Emax = 10
        D("1e10") * 10
except decimal.Overflow as e:
    print("Overflow", e)
print(str(D("1E+1")), D("1E+1") + 0, D("10").quantize(D("1E+1")), D("1e1").to_integral())
print(D.__name__, D.__qualname__, decimal.__name__)
print(repr(decimal.DecimalTuple(0, (1,), 0)), D("1.0").as_tuple())
print(statistics.stdev(data), statistics.pstdev(data), statistics.variance(data), statistics.pvariance(data))
print(statistics.mean([D(1), 2, D("0.5")]), statistics.median_low(data), statistics.mode([D(1), D(1), D(2)]))
