# importlib.import_module (absolute and relative), and sys attributes: the original
# streams, flags, hash_info.
import importlib
import io
import sys

m = importlib.import_module("_pkg_imp.sub.m")
print(m.Y, "_pkg_imp.sub.m" in sys.modules, m is sys.modules["_pkg_imp.sub.m"])
print(importlib.import_module(".m", "_pkg_imp.sub").Y, importlib.import_module("..sub", "_pkg_imp.sub").X)
print(importlib.import_module("json").dumps([1]))
try:
    importlib.import_module("nosuch_mod_x")
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    importlib.import_module(".x")
except TypeError as e:
    print(e)
importlib.invalidate_caches()

sys.stdout = io.StringIO()
print("captured")
captured = sys.stdout.getvalue()
sys.stdout = sys.__stdout__
print(repr(captured), sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
print(sys.flags.optimize, sys.flags.dev_mode, sys.flags.int_max_str_digits)
print(sys.hash_info)
print(sys.hash_info.modulus == 2**61 - 1, hash(sys.hash_info.modulus), hash(float("inf")) == sys.hash_info.inf)
print(sys.warnoptions, isinstance(sys.executable, str), len(sys.flags))
