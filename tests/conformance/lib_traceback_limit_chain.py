# traceback.format_exc/format_exception with limit and chain=False, chained exceptions
import os
_print = print
def print(*args, **kw):
    # File names in the output without the directory the suite lives in.
    _print(*(str(a).replace(__file__, os.path.basename(__file__)) for a in args), **kw)
import traceback, sys
def inner(x):
    return 1 / x
def outer():
    return inner(0)
try:
    outer()
except ZeroDivisionError:
    s = traceback.format_exc()
    print(s)
    print(traceback.format_exc(limit=1))
    et, ev, tb = sys.exc_info()
    print(traceback.format_exception_only(et, ev))
    print(len(traceback.extract_tb(tb)), [f.name for f in traceback.extract_tb(tb)], [f.lineno for f in traceback.extract_tb(tb)])
    print("".join(traceback.format_tb(tb)))
try:
    try:
        int("x")
    except ValueError as e:
        raise KeyError("k") from e
except KeyError as e:
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)))
    print(traceback.format_exception(e)[-1])
def a(): b()
def b(): c()
def c(): raise ValueError("deep")
try:
    try:
        a()
    except ValueError:
        {}["missing"]
except KeyError as e:
    for lim in [None, 0, 1, 2, -1, -2]:
        print(f"--- limit={lim}")
        print("".join(traceback.format_exception(type(e), e, e.__traceback__, limit=lim)), end="")
    print("--- chain=False")
    print("".join(traceback.format_exception(e, chain=False)), end="")
    print("--- format_exc(2)")
    print(traceback.format_exc(2), end="")
    print("--- no context")
    e.__suppress_context__ = True
    print("".join(traceback.format_exception(e, limit=1)), end="")
