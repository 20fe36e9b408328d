# decimal signals as the C implementation raises them: the condition list, the
# flags set by a trapped Overflow, messages of int()/Decimal() errors.
from decimal import *
import decimal
for f in [lambda: Decimal('abc'), lambda: Decimal(1)/0, lambda: Decimal(0)/0, lambda: Decimal(-1).sqrt(), lambda: Decimal('1e999999999')*Decimal('1e999999999'), lambda: Decimal(1).quantize(Decimal('1e-30')), lambda: Decimal(5) % 0, lambda: Decimal(5)//0, lambda: int(Decimal('nan')), lambda: int(Decimal('inf')), lambda: Decimal('1.5') < Decimal('nan'), lambda: Decimal(1) + 'x', lambda: Decimal([1])]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e.args, str(e), type(e).__mro__)
print(repr(getcontext()))
print(DecimalException.__module__, InvalidOperation.__mro__)
