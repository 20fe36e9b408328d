from decimal import *
c = getcontext()
print(c.flags)
c.flags[Inexact] = 1
print(c.flags[Inexact], type(c.flags).__name__, len(c.flags), list(c.flags)[:2])
print(repr(c.traps))
c2 = c.copy(); print(c2.flags[Inexact], c2.flags is c.flags)
c.traps = {s: False for s in c.traps}
print(c.traps[Overflow], type(c.traps).__name__)
c.clear_flags(); print(c.flags[Inexact])
try:
    c.flags[1] = 2
except Exception as e: print(type(e).__name__, e)
try:
    c.traps = [Overflow]
except Exception as e: print(type(e).__name__, e)
c.traps[Overflow] = True
c.traps[DivisionByZero] = True
c.traps[InvalidOperation] = True
Decimal(1) / 3
print(c.flags)
print(Context(prec=5, traps=[Inexact], flags=[Rounded]))
