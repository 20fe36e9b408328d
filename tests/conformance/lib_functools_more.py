# functools.cached_property/singledispatch/singledispatchmethod, string.Template, and
# assorted functools/itertools/collections/json/math behaviour.
def t(f):
    try: print(repr(f()))
    except Exception as e: print('EXC', type(e).__name__, e)
import functools, itertools, operator, collections, string, json, random, math, sys, os
class C:
    @functools.cached_property
    def heavy(self):
        print('computing'); return 42
c = C()
t(lambda: (c.heavy, c.heavy))
@functools.singledispatch
def show(x): return 'generic'
@show.register
def _(x: int): return 'int'
@show.register(str)
def _s(x): return 'str'
t(lambda: (show(1), show('a'), show(1.5)))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
t(lambda: (V(1) <= V(2), V(3) >= V(2), V(1) > V(2)))
t(lambda: functools.reduce(operator.add, [1, 2, 3], 10))
p = functools.partial(int, base=2)
t(lambda: (p('101'), p.func, p.keywords))
@functools.lru_cache(maxsize=2)
def sq(n): print('sq', n); return n * n
t(lambda: [sq(1), sq(2), sq(1), sq(3), sq(2)])
t(lambda: sq.cache_info())
t(lambda: list(itertools.chain([1], (2,), '3')))
t(lambda: list(itertools.accumulate([1, 2, 3], operator.mul)))
t(lambda: list(itertools.batched('abcdefg', 3)) if hasattr(itertools, 'batched') else 'no batched')
t(lambda: [list(g) for k, g in itertools.groupby(sorted('abcab'))])
t(lambda: list(itertools.product([1, 2], 'ab')))
t(lambda: len(list(itertools.permutations(range(5)))))
t(lambda: list(itertools.zip_longest([1], [2, 3])))
t(lambda: list(itertools.islice('abcdef', 1, 5, 2)))
t(lambda: operator.itemgetter(1, 0)(['a', 'b']))
t(lambda: operator.methodcaller('upper')('x'))
t(lambda: sorted(['bb', 'a', 'ccc'], key=len, reverse=True))
t(lambda: collections.Counter('hello world').most_common(3))
t(lambda: collections.Counter(['a', 'b', 'a']) == collections.Counter({'a': 2, 'b': 1}))
cnt = collections.Counter(); cnt.update('aab'); cnt.subtract('a')
t(lambda: (cnt, cnt['zz'], +cnt, list(cnt.elements())))
dd = collections.defaultdict(lambda: 'missing')
t(lambda: (dd['x'], dict(dd)))
t(lambda: collections.OrderedDict.fromkeys('abc'))
dq = collections.deque(maxlen=3)
for i in range(5): dq.append(i)
t(lambda: (dq, dq.maxlen, list(reversed(dq)), dq[0], dq[-1]))
dq.extendleft([10, 11])
t(lambda: dq)
t(lambda: json.dumps({'b': [1, {'c': None}], 'a': 1.5}, sort_keys=True))
t(lambda: json.loads('[1, 2.5e3, "x\\n", {"k": false}]'))
t(lambda: json.dumps([float('nan')]))
t(lambda: json.loads('{"a": }'))
t(lambda: string.Template('$who likes ${what}').substitute(who='tim', what='kung pao'))
t(lambda: '{:>10}'.format(string.ascii_uppercase[:3]))
t(lambda: os.path.join('/a', 'b'))
t(lambda: os.sep)
t(lambda: sys.maxsize > 2 ** 31)
random.seed(1)
t(lambda: (random.randint(1, 6), random.choice(['a', 'b', 'c']), round(random.random(), 6)))
t(lambda: math.comb(52, 5))
t(lambda: math.gcd(0, 0))
t(lambda: math.isqrt(10 ** 30))
t(lambda: math.prod(range(1, 11)))
t(lambda: math.fsum([1e100, 1, -1e100]))
t(lambda: (math.inf > 1e308, -math.inf < -1e308, math.isnan(math.nan)))
import string
t = string.Template('$who likes ${what} $$ $5')
try: t.substitute(who='a', what='b')
except ValueError as e: print(e)
print(string.Template('x $a ${b}c $$').safe_substitute(a=1))
try: string.Template('$a').substitute()
except KeyError as e: print(repr(e))
print(string.Template('$a$b').substitute({'a': 1}, b=2))
t = string.Template('line1\n  $ bad')
try: t.substitute()
except ValueError as e: print(e)
print(string.Template('${a').safe_substitute(a=1))
print(string.Template('$a_b1 $_x').substitute(a_b1=1, _x=2), string.Template('x').template)
print(string.Template('$a.b').substitute(a=1), string.Template('$a ${b} $a').get_identifiers(), string.Template('$a').is_valid(), string.Template('$').is_valid())
print(string.Template('Total: $$${amount} for $name!').substitute(amount='9.99', name='Ann'))
rows = [{'n': 'x', 'v': 1}, {'n': 'y', 'v': 2.5}]
tpl = string.Template('$n=$v;')
print(''.join(tpl.substitute(r) for r in rows))
print(string.Template('$a $b').safe_substitute({'a': 'A'}), string.Template('${x}y').substitute(x=[1]))


class Fmt:
    @functools.singledispatchmethod
    def show(self, arg):
        return 'object'

    @show.register
    def _(self, arg: int):
        return 'int %d' % arg

    @show.register(list)
    def _(self, arg):
        return 'list of %d' % len(arg)


f = Fmt()
print(f.show(1), f.show([1, 2]), f.show('s'))


class Circle:
    def __init__(self, r):
        self.r = r

    @functools.cached_property
    def area(self):
        print('computing area')
        return round(math.pi * self.r ** 2, 3)


ci = Circle(2)
print(ci.area, ci.area, 'area' in vars(ci))
ci.r = 3
del ci.area
print(ci.area)
print(type(Circle.__dict__['area']).__name__)
