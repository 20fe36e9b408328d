import sys
import itertools as it, functools
from collections import *
from json import dumps as d, loads
import random, string, operator, io, os.path
print(d([1]), loads('2'), list(it.islice('abc', 2)), functools.reduce(operator.add, 'xyz'))
print(deque([1]), namedtuple('T', 'a')(1), Counter('aa'), OrderedDict(), defaultdict(int))
print('collections' in sys.modules, 'os.path' in sys.modules, sys.modules['json'] is sys.modules['json'])
print(random.__name__, string.__name__, os.path.__name__ in ('posixpath', 'os.path'), io.StringIO('q').read())
import json as j2
print(j2 is sys.modules['json'], callable(random.seed))
def f():
    from itertools import count
    return next(count(3))
print(f())
