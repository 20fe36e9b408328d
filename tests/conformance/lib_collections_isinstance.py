# Known gap: lethe's collections classes wrap a dict/tuple instead of subclassing it.
from collections import Counter, defaultdict, OrderedDict, namedtuple
P = namedtuple('P', 'x y')
print(isinstance(Counter(), dict), isinstance(defaultdict(), dict), isinstance(OrderedDict(), dict))
print(isinstance(P(1, 2), tuple), issubclass(Counter, dict))
