# ExceptionGroup/BaseExceptionGroup: construction rules and errors, message/exceptions,
# split/subgroup/derive, catching them, subclasses.
eg = ExceptionGroup('g', [ValueError(1), TypeError(2)])
print(eg.subgroup(lambda e: True) is eg, eg.subgroup(lambda e: isinstance(e, (ValueError, TypeError))) is eg, eg.split(ValueError), eg.subgroup(KeyError))
eg2 = ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [TypeError(2), ValueError(3)])])
m, r = eg2.split(ValueError)
print(repr(m), repr(r))
print(repr(BaseExceptionGroup('b', [ValueError()])), type(BaseExceptionGroup('b', [KeyboardInterrupt()])))
for bad in [lambda: ExceptionGroup('x', []), lambda: ExceptionGroup(1, [ValueError()]), lambda: ExceptionGroup('x', ValueError()), lambda: ExceptionGroup('x', [1]), lambda: ExceptionGroup('x', [KeyboardInterrupt()]), lambda: eg.split(1), lambda: ExceptionGroup('x'), lambda: eg.derive([ValueError(9)])]:
    try: print(repr(bad()))
    except Exception as e: print(type(e).__name__, e)
print(eg.message, eg.exceptions, eg.args, str(eg), ExceptionGroup.__mro__)
try:
    raise ExceptionGroup('grp', [ValueError('a'), TypeError('b')])
except ExceptionGroup as e:
    print('caught', e, len(e.exceptions), isinstance(e, Exception), isinstance(e, BaseExceptionGroup))
try:
    raise BaseExceptionGroup('base', [SystemExit(1)])
except BaseExceptionGroup as e:
    print('caught base', repr(e), e.exceptions[0].code)
class MyEG(ExceptionGroup):
    pass
me = MyEG('mine', [ValueError(5)])
print(repr(me), type(me).__name__, type(me.subgroup(ValueError)).__name__, ExceptionGroup, BaseExceptionGroup)
print(str(ExceptionGroup('one', [ValueError()])), eg.split(lambda e: isinstance(e, TypeError)))
