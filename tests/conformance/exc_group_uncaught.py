# An uncaught exception group prints CPython's boxed tree (the last line closes it).
def f():
    raise ValueError('inner v')
excs = []
try:
    f()
except ValueError as e:
    excs.append(e)
excs.append(TypeError('t'))
excs.append(ExceptionGroup('nested', [KeyError('k'), OSError(2, 'No such file')]))
raise ExceptionGroup('top', excs)
