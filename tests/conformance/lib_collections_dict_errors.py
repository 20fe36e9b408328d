from collections import defaultdict, OrderedDict, Counter

def attempt(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: defaultdict(1))
attempt(lambda: defaultdict()['x'])
attempt(lambda: OrderedDict().popitem())
attempt(lambda: OrderedDict().move_to_end('x'))
attempt(lambda: Counter.fromkeys('abc'))
attempt(lambda: OrderedDict(a=1)['b'])
attempt(lambda: hash(Counter()))
d = defaultdict(list)
d['a'].append(1)
print(d)
OrderedDict([('a', 1)])['zz']
