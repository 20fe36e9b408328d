# Package used by the module_package_* conformance programs.
import sys
print("init", __name__, __package__, __name__ in sys.modules)
VERSION = "1.0"
from .util import money
