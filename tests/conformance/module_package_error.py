# An uncaught import error from inside a package.
import _pkg_shop.catalog
print("imported", _pkg_shop.catalog.__name__)
import _pkg_shop.catalog.nothing_here
