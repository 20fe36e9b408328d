# OrderedDict, ChainMap and namedtuple (a subclass repr uses its own name).
from collections import OrderedDict, ChainMap, namedtuple
od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
od.move_to_end('a'); print(od, list(od.keys()))
od.move_to_end('c', last=False); print(od, od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1) == OrderedDict(a=1), OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
print(repr(OrderedDict()), OrderedDict.fromkeys('ab', 0), list(reversed(OrderedDict(a=1, b=2))))
o2 = OrderedDict(x=1); o2 |= {'y': 2}; print(o2, o2 | {'z': 3}, type(o2.copy()).__name__)
try: OrderedDict().popitem()
except KeyError as e: print('KE', e)
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.maps, cm.new_child({'c': 4}), cm.parents)
cm['z'] = 9; print(cm.maps[0]); del cm['z']
try: del cm['b']
except KeyError as e: print('KE', e)
print(dict(cm), list(cm.items()), 'b' in cm, cm.get('q', 0), repr(ChainMap()))
P = namedtuple('P', ['x', 'y'])
p = P(1, 2); print(p, p._fields, P._make([3, 4]), p._replace(y=5), p._asdict(), P.__doc__, P.x.__doc__, tuple(p), p == (1, 2), hash(p) == hash((1, 2)))
x, y = p; print(x + y, p[0], p[-1], p.count(1), p.index(2), len(p), P(*range(2)), P(x=1, y=2))
try: P(1)
except TypeError as e: print(e)
try: p.x = 3
except AttributeError as e: print(e)
try: P._make([1])
except TypeError as e: print(e)
try: namedtuple('Q', 'a a')
except ValueError as e: print(e)
try: namedtuple('Q', 'a def')
except ValueError as e: print(e)
print(namedtuple('R', 'a def class', rename=True)._fields, namedtuple('S', 'a b', defaults=[1])(0))
class PP(P):
    __slots__ = ()
    @property
    def total(self): return self.x + self.y
    def __str__(self): return f'PP<{self.x}>'
print(PP(1, 2).total, str(PP(1, 2)), repr(PP(1, 2)), PP._fields)
import copy
print(copy.copy(p), copy.deepcopy(p))
