"""BaseExceptionGroup.split and .subgroup (lethe): the recursive part of the
exception-group methods, imported on first use."""

import _lethe


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
    # The traceback, cause, context and notes of eg.
    _lethe.exc_copy_meta(eg, new)
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
