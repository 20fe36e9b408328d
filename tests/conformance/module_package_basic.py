# Packages: import a.b, import a.b as c, from a.b import c, __init__.py, attribute
# binding of submodules, __name__/__package__/__file__, sys.modules caching.
import sys
import os.path

import _pkg_shop.catalog
print(_pkg_shop.VERSION, _pkg_shop.catalog.CATALOG_VERSION)
print(_pkg_shop.catalog.ITEMS)
print(_pkg_shop.money(1234), _pkg_shop.util.money(5))
print(_pkg_shop.__name__, _pkg_shop.__package__, _pkg_shop.catalog.__package__)
print(_pkg_shop.catalog.items.__name__, _pkg_shop.catalog.items.__package__)
print(os.path.basename(_pkg_shop.__file__), os.path.basename(_pkg_shop.catalog.items.__file__))
print(os.path.basename(os.path.dirname(_pkg_shop.catalog.__file__)))
print(hasattr(_pkg_shop, "billing"), "_pkg_shop.billing" in sys.modules)
print(type(_pkg_shop.__path__).__name__, len(_pkg_shop.__path__))
print(os.path.basename(_pkg_shop.__path__[0]))
print(hasattr(_pkg_shop.util, "__path__"))

import _pkg_shop.billing.invoice as inv
print(inv.__name__, hasattr(_pkg_shop, "billing"), _pkg_shop.billing.invoice is inv)
print(_pkg_shop.billing.tax.RATE, inv.total(_pkg_shop.catalog.ITEMS))
for kind, msg in inv.check_errors():
    print(kind, msg)

from _pkg_shop.catalog import items
from _pkg_shop.catalog.items import Item as It, ITEMS
print(items is _pkg_shop.catalog.items, It is items.Item, ITEMS[0])
from _pkg_shop import billing
print(billing.__name__, billing.__package__, billing is sys.modules["_pkg_shop.billing"])

# sys.modules caching: a second import does not run the module again.
import _pkg_shop.catalog.items
import _pkg_shop
print(sys.modules["_pkg_shop.catalog"] is _pkg_shop.catalog)
names = sorted(n for n in sys.modules if n.startswith("_pkg_shop"))
print(names)
# Removing an entry makes the next import run the module again.
del sys.modules["_pkg_shop.billing.tax"]
import _pkg_shop.billing.tax as tax2
print(tax2 is _pkg_shop.billing.tax, tax2.RATE)
# A module put into sys.modules by hand is what import returns.
sys.modules["_fake_module"] = items
import _fake_module
print(_fake_module is items)

# The main script is not in a package.
print(__name__, __package__)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .sibling import thing
except ImportError as e:
    print(type(e).__name__, e)
try:
    import _pkg_shop.util.deeper
except ImportError as e:
    print(type(e).__name__, e)
try:
    import _pkg_shop.nothing_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from _pkg_shop import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
print("_pkg_shop.nothing_here" in sys.modules)

# A directory without __init__.py is a namespace package.
import _pkg_ns.inner.mod
print(_pkg_ns.inner.mod.V, _pkg_ns.__package__, _pkg_ns.__file__, _pkg_ns.inner.__name__)
print(len(_pkg_ns.__path__), os.path.basename(list(_pkg_ns.inner.__path__)[0]))
from _pkg_ns.inner import mod
print(mod is _pkg_ns.inner.mod)

# `from package import *` follows __all__, importing listed submodules.
from _pkg_star import *
print(visible, _listed, sub.WHO, "not_listed" in dir())
try:
    from _pkg_star.bad import *
except AttributeError as e:
    print(type(e).__name__, e)
