# The recipes of the decimal module's documentation, and money arithmetic.
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN
import decimal


def moneyfmt(value, places=2, curr='', sep=',', dp='.', pos='', neg='-', trailneg=''):
    q = Decimal(10) ** -places      # 2 places --> '0.01'
    sign, digits, exp = value.quantize(q).as_tuple()
    result = []
    digits = list(map(str, digits))
    build, next = result.append, digits.pop
    if sign:
        build(trailneg)
    for i in range(places):
        build(next() if digits else '0')
    if places:
        build(dp)
    if not digits:
        build('0')
    i = 0
    while digits:
        build(next())
        i += 1
        if i == 3 and digits:
            i = 0
            build(sep)
    build(curr)
    build(neg if sign else pos)
    return ''.join(reversed(result))


def pi():
    getcontext().prec += 2  # extra digits for intermediate steps
    three = Decimal(3)      # substitute "three=3.0" for regular floats
    lasts, t, s, n, na, d, da = 0, three, 3, 1, 0, 0, 24
    while s != lasts:
        lasts = s
        n, na = n + na, na + 8
        d, da = d + da, da + 32
        t = (t * n) / d
        s += t
    getcontext().prec -= 2
    return +s               # unary plus applies the new precision


def exp(x):
    getcontext().prec += 2
    i, lasts, s, fact, num = 0, 0, 1, 1, 1
    while s != lasts:
        lasts = s
        i += 1
        fact *= i
        num *= x
        s += num / fact
    getcontext().prec -= 2
    return +s


def cos(x):
    getcontext().prec += 2
    i, lasts, s, fact, num, sign = 0, 0, 1, 1, 1, 1
    while s != lasts:
        lasts = s
        i += 2
        fact *= i * (i - 1)
        num *= x * x
        sign *= -1
        s += num / fact * sign
    getcontext().prec -= 2
    return +s


def sin(x):
    getcontext().prec += 2
    i, lasts, s, fact, num, sign = 1, 0, x, 1, x, 1
    while s != lasts:
        lasts = s
        i += 2
        fact *= i * (i - 1)
        num *= x * x
        sign *= -1
        s += num / fact * sign
    getcontext().prec -= 2
    return +s


d = Decimal('-1234567.8901')
print(moneyfmt(d, curr='$'))
print(moneyfmt(d, places=0, sep='.', dp='', neg='', trailneg='-'))
print(moneyfmt(Decimal(123456789), sep=' '))
print(moneyfmt(Decimal('-0.02'), neg='<', trailneg='>'))
print(pi())
with localcontext() as ctx:
    ctx.prec = 60
    print(pi())
print(exp(Decimal(1)), exp(Decimal(2)), exp(2 + 0j) if False else "")
print(cos(Decimal('0.5')), sin(Decimal('0.5')))
print(Decimal(1).exp(), Decimal("0.5").ln())

# An invoice: unit prices times quantities, tax rounded half up to cents.
items = [("widget", "19.99", 3), ("gadget", "4.25", 10), ("gizmo", "0.333", 7)]
total = Decimal(0)
for name, price, qty in items:
    line = (Decimal(price) * qty).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    total += line
    print(f"{name:<8}{qty:>4} x {Decimal(price):>7} = {line:>9}")
tax = (total * Decimal("0.0825")).quantize(Decimal("0.01"), ROUND_HALF_UP)
print(f"{'subtotal':<24}{total:>9}")
print(f"{'tax':<24}{tax:>9}")
print(f"{'total':<24}{total + tax:>9,}")

# Splitting a bill into equal parts, with the remainder cents distributed.
amount, parts = Decimal("100.00"), 3
share = (amount / parts).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
rest = amount - share * parts
shares = [share + Decimal("0.01") if i < rest * 100 else share for i in range(parts)]
print(shares, sum(shares))

# Compound interest, month by month.
balance = Decimal("1000.00")
rate = Decimal("0.05") / 12
for month in range(1, 13):
    balance = (balance * (1 + rate)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    if month % 3 == 0:
        print(month, balance)

# The spec's ExtendedContext: no traps, special values instead.
decimal.setcontext(decimal.ExtendedContext)
print(Decimal(1) / 0, Decimal(0) / 0, Decimal(-1).sqrt(), Decimal(1) / 3)
print(getcontext().flags[decimal.DivisionByZero], getcontext().flags[decimal.InvalidOperation])
decimal.setcontext(decimal.DefaultContext)
print(Decimal(1) / 3)

# Context of a thread: precision change is visible, then restored.
def f():
    with localcontext() as c:
        c.prec = 4
        return Decimal(355) / 113
print(f(), Decimal(355) / 113)
