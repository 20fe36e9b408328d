# Second helper module: imports the first one.
import _helper_mod
from _helper_mod import CONSTANT as BASE
print("_helper_other executing")
DOUBLE = BASE * 2
def shared_items():
    return _helper_mod.items
