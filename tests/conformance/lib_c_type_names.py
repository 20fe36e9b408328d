import collections, itertools, functools, datetime, re
for obj in [collections.deque(), collections.OrderedDict(), collections.defaultdict(int), collections.Counter(), itertools.count(), functools.partial(int), datetime.date(2020, 1, 1), datetime.timedelta(1), re.compile("a")]:
    try: obj + 1.5
    except TypeError as e: print(e)
    try: obj.nonexistent_attr
    except AttributeError as e: print(e)
import io, operator
for obj in [io.StringIO(), operator.itemgetter(1), datetime.datetime(2020, 1, 2, 3, 4), datetime.time(1, 2), collections.deque([1])]:
    try: obj.no_such_method()
    except AttributeError as e: print(e)
try: hash(collections.deque())
except TypeError as e: print(e)
try: datetime.datetime(2023, 1, 1) - datetime.date(2023, 1, 1)
except TypeError as e: print(e)
class MyDeque(collections.deque): pass
try: MyDeque().nope
except AttributeError as e: print(e)
print(type(collections.deque()).__name__, collections.deque.__name__, type(datetime.date(2020, 1, 1)).__name__, repr(collections.deque))
