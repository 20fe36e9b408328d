"""BaseExceptionGroup.split and .subgroup (lethe): the recursive part of the
exception-group methods, imported on first use."""


def _matcher(condition):
    if isinstance(condition, type) and issubclass(condition, BaseException):
        return lambda e: isinstance(e, condition)
    if isinstance(condition, tuple) and all(
            isinstance(c, type) and issubclass(c, BaseException) for c in condition):
        return lambda e: isinstance(e, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected a function, exception type or tuple of exception types")


def _derive(eg, excs):
    new = eg.derive(excs)
    new.__traceback__ = eg.__traceback__
    new.__cause__ = eg.__cause__
    new.__context__ = eg.__context__
    if hasattr(eg, '__notes__'):
        new.__notes__ = eg.__notes__
    return new


def _split(eg, match):
    if match(eg):
        return eg, None
    matched = []
    rest = []
    for e in eg.exceptions:
        if isinstance(e, BaseExceptionGroup):
            m, r = _split(e, match)
            if m is not None:
                matched.append(m)
            if r is not None:
                rest.append(r)
        elif match(e):
            matched.append(e)
        else:
            rest.append(e)
    return (_derive(eg, matched) if matched else None,
            _derive(eg, rest) if rest else None)


def split(eg, condition):
    return _split(eg, _matcher(condition))


def subgroup(eg, condition):
    return _split(eg, _matcher(condition))[0]
