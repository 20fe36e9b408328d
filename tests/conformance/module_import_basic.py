# import x, from x import y as z, import x as y; modules execute once.
print("main __name__ =", __name__)
import _helper_mod
print(_helper_mod.CONSTANT, _helper_mod.greet("main"), _helper_mod.__name__)
import _helper_mod as hm
print(hm is _helper_mod, hm.CONSTANT)
from _helper_mod import greet, Widget as W, CONSTANT as C
print(greet("x"), W(3), C)
from _helper_mod import add_item
print(add_item("a"), add_item("b"), _helper_mod.items, hm.items)
import _helper_other
print(_helper_other.DOUBLE, _helper_other.shared_items() is _helper_mod.items)
import sys
print("_helper_mod" in sys.modules, sys.modules["_helper_mod"] is hm, type(hm).__name__)
_helper_mod.CONSTANT = 100
from _helper_mod import CONSTANT
print(CONSTANT, C)
def local_import():
    import _helper_mod as inner
    return inner.CONSTANT
print(local_import())
print(hm._private, hasattr(hm, "greet"), hasattr(hm, "nothing"))
if __name__ == "__main__":
    print("running as main script")
