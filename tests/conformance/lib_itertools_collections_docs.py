import itertools
from collections import namedtuple

Emp = namedtuple("Emp", ["name", "age", "role"], defaults=["dev"])
print(Emp.name.__doc__, Emp.age.__doc__, Emp.role.__doc__, Emp.__doc__)
print(Emp("ann", 3).role, Emp._field_defaults)
try:
    itertools.repeat()
except TypeError as e:
    print(e)
print(list(itertools.repeat("x", times=2)), list(itertools.repeat(object=1, times=1)))

from collections import deque
dq = deque(maxlen=2)
dq.extend(range(5))
print(dq, dq.maxlen)
try:
    dq.maxlen = 3
except AttributeError as e:
    print(e)
