# from module import * skips underscore names.
from _helper_mod import *
print(CONSTANT, greet("star"), Widget(1), items)
try:
    print(_private)
except NameError as e:
    print("NameError:", e)
import _helper_mod
print(_helper_mod._private)
