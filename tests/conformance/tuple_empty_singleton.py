# The empty tuple is one object; a script knows itself by its absolute path.
import os
import sys

a = ()
b = tuple()
c = tuple([])
d = tuple(x for x in [])
print(a is b, b is c, c is d, a == d, len(d))
print(os.path.isabs(__file__), os.path.basename(__file__))
print(sys.argv[0].endswith("tuple_empty_singleton.py"))
