# traceback.extract_tb / format_tb / print_tb / walk_tb on an exception's
# __traceback__ (entries with position markers as the interpreter prints them).
import io
import os
import sys
import traceback

# File names are printed without their directory (the program may run from anywhere).
_DIRS = sorted({os.path.dirname(os.path.abspath(__file__)), os.path.dirname(__file__)},
               key=len, reverse=True)


def _strip(v):
    s = v if isinstance(v, str) else repr(v) if not isinstance(v, (int, type(None))) else str(v)
    for d in _DIRS:
        if d:
            s = s.replace(d + os.sep, '')
    return s


def show(*args):
    print(*(_strip(a) for a in args))


def a(x):
    return b(x) + 1


def b(x):
    return c(x) * 2


def c(x):
    return x['k'] / 0


def rec(n):
    if n == 0:
        raise RuntimeError('bottom')
    return rec(n - 1)


try:
    a({'k': 1})
except ZeroDivisionError as e:
    tb = e.__traceback__
    for fs in traceback.extract_tb(tb):
        show(fs.filename, fs.lineno, fs.name, fs.line, repr(fs))
    show(''.join(traceback.format_tb(tb)))
    show(traceback.format_tb(tb, limit=2))
    show(traceback.format_tb(tb, limit=-1))
    buf = io.StringIO()
    traceback.print_tb(tb, file=buf)
    show(buf.getvalue())
    for f, ln in traceback.walk_tb(tb):
        show(f.f_code.co_name, f.f_code.co_filename, ln)
    s = traceback.extract_tb(tb)
    show(len(s), s[0][2], list(s[-1]))
    show(traceback.format_list(s)[-1])
    print(traceback.extract_tb(tb.tb_next)[0].name)
try:
    rec(10)
except RuntimeError as e:
    show(''.join(traceback.format_tb(e.__traceback__)))
    print(traceback.format_exception(type(e), e, e.__traceback__)[-1])


def handler():
    try:
        int('x')
    except ValueError:
        _, _, tb = sys.exc_info()
        return [(f.name, f.lineno) for f in traceback.extract_tb(tb)]


print(handler())
print(sys.exc_info()[2])
