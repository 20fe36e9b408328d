"""atexit (lethe): functions to run when the program ends, as CPython's.

They run last in, first out, after the main program has finished (and its uncaught
exception, if any, has been printed); an exception in one is reported as
"Exception ignored in atexit callback" and the others still run. lethe's runtime
runs them when the main program (a file, -c, -m or stdin) ends; the interactive
interpreter does not."""

import sys

_exithandlers = []


def register(func, *args, **kwargs):
    """Register a function to be executed upon normal program termination.
    Returns func, so it can be used as a decorator."""
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func):
    """Unregister an exit function which was previously registered using
    atexit.register (every registration of it; no error if there is none)."""
    _exithandlers[:] = [h for h in _exithandlers if not (h[0] == func)]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    # lethe's runtime calls the handlers itself when the program ends (in
    # modules.rs, run_atexit); this is for programs that call it directly.
    import _lethe
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as e:
            sys.stdout.flush()
            sys.stderr.write('Exception ignored in atexit callback: %r\n' % (func,))
            sys.stderr.write(_lethe.format_exception(e))
