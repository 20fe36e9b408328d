"""traceback (lethe): formatting and printing exceptions the way the interpreter
prints an uncaught one (format_exc, print_exc, format_exception, print_exception,
format_exception_only). Stack inspection (extract_stack, walk_tb, ...) is not
provided."""

import sys as _sys
import _lethe

__all__ = ['format_exc', 'print_exc', 'format_exception', 'print_exception',
           'format_exception_only', 'print_last']

_sentinel = object()


def _value_of(exc, value):
    if value is _sentinel:
        return exc
    return value


def format_exception_only(exc, /, value=_sentinel):
    """The exception's last line(s): 'TypeName: message\\n'."""
    value = _value_of(exc, value)
    if value is None:
        return ['%s\n' % (exc.__name__ if isinstance(exc, type) else 'NoneType: None',)]
    cls = type(value)
    name = cls.__qualname__
    mod = cls.__module__
    if mod not in ('builtins', '__main__'):
        name = mod + '.' + name
    try:
        msg = str(value)
    except Exception:
        msg = '<exception str() failed>'
    lines = ['%s: %s\n' % (name, msg) if msg else '%s\n' % name]
    for note in getattr(value, '__notes__', None) or ():
        lines.append('%s\n' % (note,))
    return lines


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The traceback and message lines, as printed for an uncaught exception."""
    value = _value_of(exc, value)
    if value is None:
        return ['NoneType: None\n']
    return _lethe.format_exception(value).splitlines(True)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None,
                    chain=True):
    if file is None:
        file = _sys.stderr
    for line in format_exception(exc, value, tb, limit, chain):
        print(line, file=file, end='')


def format_exc(limit=None, chain=True):
    """The exception being handled, formatted as a string."""
    return ''.join(format_exception(_sys.exception()))


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled (to sys.stderr by default)."""
    print_exception(_sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(_sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(_sys.last_value, limit=limit, file=file, chain=chain)


def _unsupported(*args, **kwargs):
    _lethe.unsupported('traceback stack inspection')


extract_tb = extract_stack = format_tb = format_stack = print_tb = print_stack = \
    walk_tb = walk_stack = format_list = _unsupported
