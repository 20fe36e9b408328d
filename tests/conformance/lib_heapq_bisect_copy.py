# heapq (same heap layout as CPython), bisect (with key=), copy.copy/deepcopy.
import heapq, bisect, copy, random
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple
random.seed(7)
data = [random.randint(0, 100) for _ in range(30)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(10)], h)
d2 = data[:]; heapq.heapify(d2); print(d2)
print(heapq.heappushpop(d2, 50), heapq.heapreplace(d2, 1), d2[:8])
print(heapq.nlargest(5, data), heapq.nsmallest(5, data), heapq.nlargest(3, data, key=lambda v: -v))
print(heapq.nsmallest(1, data), heapq.nlargest(0, data), heapq.nsmallest(100, [3, 1, 2]))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0, 5])), list(heapq.merge([5, 3], [4, 1], reverse=True)))
print(list(heapq.merge(['a', 'ccc'], ['bb'], key=len)))
pq = []
for pri, task in [(3, 'write'), (1, 'read'), (2, 'think'), (1, 'alpha')]:
    heapq.heappush(pq, (pri, task))
print([heapq.heappop(pq) for _ in range(len(pq))])
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError', e)
s = sorted(data)
for v in [0, 50, 100, 101, -1, s[5]]:
    print(v, bisect.bisect_left(s, v), bisect.bisect_right(s, v), bisect.bisect(s, v))
a = [1, 3, 5]; bisect.insort(a, 4); bisect.insort_left(a, 3); bisect.insort_right(a, 0); print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('z', 4), key=lambda r: r[1]); print(recs)
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], sc)] for sc in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect_left([1], 1, -1)
except ValueError as e:
    print('ValueError', e)
orig = {'a': [1, 2, {'x': (3, [4])}], 'b': {5, 6}, 't': (1, 2)}
sh = copy.copy(orig); dp = copy.deepcopy(orig)
orig['a'][2]['x'][1].append(99); orig['a'].append(7)
print(sh['a'] is orig['a'], dp, dp['t'] is orig['t'])
cyc = [1]; cyc.append(cyc); c2 = copy.deepcopy(cyc); print(c2[1] is c2, c2 is not cyc)
class Pt:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f'Pt({self.x}, {self.y})'
p = Pt([1], 2); p2 = copy.copy(p); p3 = copy.deepcopy(p); p.x.append(5)
print(p2, p3, type(p3).__name__)
class Custom:
    def __init__(self): self.v = 1
    def __copy__(self): print('__copy__'); return 'copied'
    def __deepcopy__(self, memo): print('__deepcopy__'); return 'deep'
print(copy.copy(Custom()), copy.deepcopy([Custom()]))
dq = deque([1, [2]], maxlen=5); dq2 = copy.copy(dq); dq3 = copy.deepcopy(dq); dq.append(3); dq[1].append(9)
print(dq, dq2, dq3)
dd = defaultdict(list); dd['k'].append(1); dd2 = copy.deepcopy(dd); dd2['k'].append(2); dd2['new'].append(0)
print(dd, dd2)
od = OrderedDict(a=1, b=[2]); print(copy.deepcopy(od), copy.copy(Counter('aab')))
P = namedtuple('P', 'x y'); np = P([1], 2); print(copy.copy(np), copy.deepcopy(np), copy.deepcopy(np).x is np.x)
print(copy.copy(5), copy.deepcopy('s'), copy.copy((1, 2)), copy.deepcopy(None), copy.copy([1, 2]), copy.deepcopy(frozenset([1])))
class Sl:
    __slots__ = ('a', 'b')
s1 = Sl(); s1.a = [1]; s2 = copy.deepcopy(s1); s1.a.append(2); print(s2.a, hasattr(s2, 'b'))
class MyList(list):
    pass
ml = MyList([1, [2]]); ml.tag = 'x'; ml2 = copy.deepcopy(ml); ml[1].append(3); print(ml2, type(ml2).__name__, ml2.tag)
e = ValueError('bad', 1); e2 = copy.copy(e); print(repr(e2), e2.args)
