# warnings: filters, registry, catch_warnings, output format; sys._getframe.
import sys
import io as _io
import os as _os

_real = sys.stdout


class _Strip(_io.StringIO):
    """Drops the directory of this file (the expected output is path-independent)."""

    def write(self, s):
        return _real.write(s.replace(_os.path.dirname(_os.path.abspath(__file__)) + "/", ""))


sys.stdout = _Strip()
sys.stderr = sys.stdout
import warnings


def old_api(x):
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return x * 2


def noisy():
    warnings.warn("something odd")


def where(a, k=3):
    f = sys._getframe()
    b = sys._getframe(1)
    return f.f_code.co_name, b.f_code.co_name, b.f_lineno, f.f_back.f_code.co_name, f.f_back.f_lineno


def caller():
    return where(1)


print(where(0), caller())
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
for i in range(3):
    noisy()
print(old_api(2))
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    noisy()
    noisy()
    warnings.warn("custom", RuntimeWarning)
    old_api(1)
print(len(log), [str(w.message) for w in log], [w.category.__name__ for w in log], [w.lineno for w in log])
print(log[0].filename == __file__)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        noisy()
    except UserWarning as e:
        print("raised", e)
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="some")
    noisy()
    print("ignored")
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "line text"))
warnings.warn("at module level")
warnings.warn(UserWarning("instance"))
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
try:
    sys._getframe(1000)
except ValueError as e:
    print(e)
class K:
    print(sys._getframe().f_code.co_name, "x" in sys._getframe().f_locals)
    x = 1
    print("x" in sys._getframe().f_locals)
print([w for w in warnings.filters][:1])
