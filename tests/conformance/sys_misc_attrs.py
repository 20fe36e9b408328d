# sys.implementation, sys.is_finalizing and sys.intern's argument checks.
import sys

impl = sys.implementation
print(impl.version[:2], impl.version == sys.version_info, impl.hexversion == sys.hexversion)
print(isinstance(impl.name, str), sys.is_finalizing())
print(sys.intern('abc'), sys.intern('x' * 3) == 'xxx')
for args in [(), (1,), ('a', 'b')]:
    try:
        sys.intern(*args)
    except TypeError as e:
        print(e)
