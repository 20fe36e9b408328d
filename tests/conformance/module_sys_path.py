# sys.path is a list the program can change; import searches it in order.
import sys
import os

here = os.path.dirname(os.path.abspath(__file__))
print(type(sys.path).__name__, sys.path[0] == here)
try:
    import pathmod
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
sys.path.append(os.path.join(here, "_pkg_paths", "extra"))
import pathmod
print(pathmod.WHERE, os.path.basename(os.path.dirname(pathmod.__file__)))

# Earlier entries win.
sys.path.insert(0, os.path.join(here, "_pkg_paths", "second"))
sys.path.insert(0, os.path.join(here, "_pkg_paths", "first"))
import shadow
print(shadow.WHERE)
# Cached: changing the path does not reload it.
sys.path.remove(os.path.join(here, "_pkg_paths", "first"))
import shadow
print(shadow.WHERE)
del sys.modules["shadow"]
import shadow
print(shadow.WHERE)

# Entries that are not directories, or not strings, are skipped.
sys.path.insert(0, os.path.join(here, "no_such_directory"))
sys.path.insert(0, 42)
import _helper_other
print(_helper_other.__name__)

# Replacing the list works too.
saved = sys.path
sys.path = [os.path.join(here, "_pkg_paths", "first")]
del sys.modules["shadow"]
import shadow
print(shadow.WHERE)
try:
    import _pkg_shop
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
sys.path = saved
import _helper_mod
print(_helper_mod.CONSTANT)
