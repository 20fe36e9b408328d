# traceback.print_stack/format_stack/extract_stack and inspect.currentframe/stack
# over sys._getframe.
import traceback, inspect, sys, os, io

_real = sys.stdout


class _Strip(io.StringIO):
    """Drops the directory of this file (the expected output is path-independent)."""

    def write(self, s):
        return _real.write(s.replace(os.path.dirname(os.path.abspath(__file__)) + "/", ""))


sys.stdout = _Strip()
def inner():
    traceback.print_stack(file=sys.stdout)
    print(traceback.format_stack()[-1], end="")
    s = traceback.extract_stack()
    print([(fs.name, fs.lineno, fs.line) for fs in s])
    fr = inspect.currentframe()
    print(fr.f_code.co_name, fr.f_back.f_code.co_name)
    print([(fi.function, fi.lineno, fi.code_context, fi.index) for fi in inspect.stack()])
def outer():
    inner()
outer()


def deep(n):
    if n == 0:
        return [fs.name for fs in traceback.extract_stack(limit=3)], len(traceback.extract_stack())
    return deep(n - 1)


print(deep(4))
fs = traceback.extract_stack()[-1]
name, lineno = fs[2], fs[1]
print(name, lineno, fs.line, list(fs)[2:], fs == (fs.filename, fs.lineno, fs.name, fs.line))
print(traceback.format_list([("f.py", 3, "g", "x = 1")]), end="")
print(inspect.getframeinfo(inspect.currentframe())[1:])
