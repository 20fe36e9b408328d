# Built-in types without a constructor cannot be instantiated; the singletons' types
# give the singleton; the iterator types of zip/map/filter/... are their functions.
import types
for c in [type(len), types.GeneratorType, types.FrameType, type(iter([])), type({}.keys()), type(None), type(NotImplemented), type(...)]:
    try:
        print(c.__name__, c())
    except TypeError as e:
        print(type(e).__name__, e)
print(list(type(zip())('ab', 'cd')), list(type(enumerate([]))('xy', 1)), type(None)(), list(type(map(len, []))(len, ['ab'])), list(type(filter(None, []))(None, [0, 2])), list(reversed((1, 2))))
try:
    type(None)(1)
except TypeError as e:
    print(e)
