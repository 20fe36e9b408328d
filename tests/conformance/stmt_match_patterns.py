# The match statement: literal, capture, wildcard, or, as, sequence, mapping and class
# patterns, guards, __match_args__, and the TypeErrors of class patterns.
from collections import deque, defaultdict, OrderedDict
def classify(v):
    match v:
        case None: return 'none'
        case True: return 'true'
        case False: return 'false'
        case 0 | 0.0: return 'zero'
        case int(n) if n < 0: return f'neg int {n}'
        case int() | float() as num: return f'num {num!r}'
        case '': return 'empty str'
        case str(s) if s.isdigit(): return f'digits {s}'
        case str() as s: return f'str {s}'
        case []: return 'empty seq'
        case [x]: return f'one {x!r}'
        case [x, y]: return f'two {x!r} {y!r}'
        case [first, *middle, last]: return f'many {first!r} {middle!r} {last!r}'
        case {'type': 'point', 'x': x, 'y': y}: return f'point {x},{y}'
        case {'type': t, **rest}: return f'typed {t} rest={rest}'
        case {}: return 'mapping'
        case _: return 'other ' + type(v).__name__
for v in [None, True, False, 0, 0.0, -3, 7, 2.5, '', '123', 'abc', [], (), [1], (2,), [1, 2], (1, 2, 3, 4), range(3),
          deque([1, 2]), {'type': 'point', 'x': 1, 'y': 2}, {'type': 'circle', 'r': 3}, {}, {'a': 1}, defaultdict(int), OrderedDict(type='od'),
          {1, 2}, b'xy', bytearray(b'z'), 1.5j if False else object]:
    print(repr(v) if not isinstance(v, type) else v.__name__, '->', classify(v))
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y): self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ('x', 'y', 'z')
    def __init__(self, x, y, z): super().__init__(x, y); self.z = z
def where(p):
    match p:
        case Point(0, 0): return 'origin'
        case Point3(x, y, z=0): return f'flat3 {x} {y}'
        case Point(x=0, y=yy): return f'y-axis {yy}'
        case Point(xx, 0): return f'x-axis {xx}'
        case Point(x, y) if x == y: return f'diag {x}'
        case Point(): return 'somewhere'
        case _: return 'not a point'
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Point3(1, 2, 0), Point3(0, 4, 1), 'x']:
    print(where(p))
def cmd(c):
    match c.split():
        case ['go', ('north' | 'south' | 'east' | 'west') as d]: return 'going ' + d
        case ['go', _]: return 'bad direction'
        case ['take', *items] if items: return 'taking ' + ', '.join(items)
        case ['quit' | 'exit']: return 'bye'
        case _: return 'unknown'
for c in ['go north', 'go up', 'take sword shield', 'take', 'quit', 'exit', 'dance']:
    print(c, '->', cmd(c))
x = 5
match x:
    case 1: print('one')
    case y: print('captured', y)
print(y)
import math
match 3.141592653589793:
    case math.pi: print('pi!')
    case _: print('not pi')
def nested(v):
    match v:
        case [(a, b), {'k': [c, *_]}]: return a, b, c
        case [[[deep]]]: return deep
    return 'no'
print(nested([(1, 2), {'k': [3, 4, 5]}]), nested([[[9]]]), nested([1]))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1): pass
except TypeError as e:
    print('TypeError', e)
try:
    match 5:
        case int(1, 2): pass
except TypeError as e:
    print('TypeError', e)
try:
    match 1:
        case len(): pass
except TypeError as e:
    print('TypeError', e)
for i in range(5):
    match i:
        case 1: continue
        case 3: break
    print('loop', i)
def ret(v):
    match v:
        case [a, b, *rest]:
            return sum(rest) + a + b
    return -1
print(ret([1, 2, 3, 4]), ret((5, 6)), ret('ab'), ret([1]))
