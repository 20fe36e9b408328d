# Import failures: missing module (caught), missing name (caught), then a failing module (uncaught).
try:
    import _does_not_exist
except ImportError as e:
    print(type(e).__name__, e, isinstance(e, ImportError))
try:
    from _helper_mod import not_there
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
import sys
print("_does_not_exist" in sys.modules)
try:
    import _helper_broken
except ValueError as e:
    print("caught:", e)
print("_helper_broken" in sys.modules)
print("importing again, uncaught this time")
import _helper_broken
