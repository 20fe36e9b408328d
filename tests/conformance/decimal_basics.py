# decimal: arithmetic, contexts, quantize and rounding modes, formatting,
# conversions, comparisons with ints and floats, and signals as the C
# implementation reports them.
from decimal import (Decimal, getcontext, setcontext, localcontext, Context,
                     ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING,
                     ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP,
                     InvalidOperation, DivisionByZero, Inexact, Rounded,
                     DecimalException, BasicContext, ExtendedContext)
import decimal

D = Decimal
print(D('0.1') + D('0.2'), D(1) / D(3), D('1.10') * 3, D('19.99') * 3)
print(repr(D('1.5')), str(D('1e10')), D(0.1), D('-0'), D('NaN'), D('inf'), D('-Infinity'))
print(sum([D('0.1')] * 10), D('10') // 3, D('10') % 3, D('-7') // 2, D('-7') % 2, D('1.234E+5'))
print(float(D('1.5')), int(D('7.9')), int(D('-7.9')), D(2 ** 70), D('1_000'), D(' 12 '))
print(f"{D('1234.5678'):,.2f}", f"{D('0.5'):%}", f"{D('1e100'):g}", f"{D('3.14159'):>10.3f}|",
      format(D('1234.5'), '>12,.1f'), f"{D('-0.000123'):e}", f"{D('42'):08.2f}")
print(round(D('2.5')), round(D('3.5')), round(D('2.567'), 2), round(D('-2.5')), D('1') == 1,
      D('0.5') < 1, D('1.1') > 1.0, hash(D(1)) == hash(1), hash(D('0.5')) == hash(0.5))
for mode in [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR,
             ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP]:
    print(mode, [str(D(v).quantize(D('0.1'), rounding=mode))
                 for v in ['2.45', '2.55', '-2.45', '2.51', '2.01', '-2.06']])
print(D('3.14159').quantize(D('0.01')), D('2.675').quantize(D('0.01'), rounding=ROUND_HALF_UP))
getcontext().prec = 50
print(D(2).sqrt())
getcontext().prec = 28
with localcontext() as ctx:
    ctx.prec = 5
    print(D(1) / 7, ctx.prec)
print(D(1) / 7, getcontext().prec)
c = Context(prec=6, rounding=ROUND_DOWN)
print(c.divide(D(2), D(3)), c.power(D(2), 30), c)
print(sorted([D('1.1'), D('0.9'), D('1')]), max(D(1), 2), min(D('0.5'), 0.25))
print(D('1.30').normalize(), D('100').normalize(), D(5).as_tuple(), D('-1.5').as_tuple())
print(D('12.5').as_integer_ratio(), D((0, (1, 4), -1)), D.from_float(1.1))
print(D(10).ln(), D(100).log10(), D(2).exp(), D('0.5').sqrt(), D(7).fma(2, 3))
print(D('123.45').to_eng_string(), D('1E+7').to_eng_string(), D(1).next_plus(), D(-5).copy_abs())
print(D('1.5').is_signed(), D('-0').is_signed(), D('0').is_zero(), D('inf').is_infinite(),
      D('nan').is_nan(), D('1e-7').adjusted(), D('123.456').adjusted())
print({D('1.0'): 'a'}[D(1)], D('1.0') == 1.0, sum([D(1), 2, D('0.5')]), -D(5), +D('-0'), abs(D(-3)))
for f in [lambda: D('abc'), lambda: D(1) / 0, lambda: D(0) / 0, lambda: D(-1).sqrt(),
          lambda: D(5) % 0, lambda: D(5) // 0, lambda: int(D('nan')), lambda: int(D('inf')),
          lambda: D('1.5') < D('nan'), lambda: D(1) + 'x', lambda: D(1) + 1.0, lambda: D([1]),
          lambda: D(1).quantize(D('1e-30'))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e.args, isinstance(e, ArithmeticError))
getcontext().traps[DivisionByZero] = False
print(D(1) / 0, getcontext().flags[DivisionByZero])
getcontext().traps[DivisionByZero] = True
getcontext().clear_flags()
print(getcontext())
print(D(1) / 3, getcontext().flags[Inexact], getcontext().flags[Rounded])
print(BasicContext.prec, ExtendedContext.prec, issubclass(InvalidOperation, DecimalException))
setcontext(Context(prec=3))
print(D(22) / 7, getcontext().prec)
print(decimal.Decimal.__name__, type(D(1)).__name__)
prices = [D('19.99'), D('5.01'), D('0.10')]
total = sum(prices)
tax = (total * D('0.0825')).quantize(D('0.01'), rounding=ROUND_HALF_UP)
print(f'total={total} tax={tax} grand={total + tax}')
