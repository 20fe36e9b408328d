from collections import defaultdict, OrderedDict

dd = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    dd[k].append(v)
print(dd, dict(dd), len(dd))
print(dd['missing'], dd)
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(sorted(counts.items()), counts.default_factory)
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
print(nested['x']['y'], 'x' in nested, 'z' in nested)
print(defaultdict(None, {1: 2}), defaultdict())
d2 = dd.copy()
d2['new'].append(0)
print(sorted(d2), sorted(dd), dd.get('zz'), 'zz' in dd)
print(dd == {'a': [1, 3], 'b': [2], 'missing': []})
print(list(dd.keys()), list(dd.values()), list(dd.items()))
dd.pop('missing')
print(dd.setdefault('c', [9]), dd)
s = defaultdict(set)
s['k'].add(1)
print(s)
for k in dd:
    print(k, dd[k])

od = OrderedDict()
od['z'] = 1
od['a'] = 2
od['m'] = 3
print(od, list(od), list(od.keys()))
od.move_to_end('z')
print(od)
od.move_to_end('m', last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([('b', 1), ('a', 2)]), OrderedDict(x=1))
o1 = OrderedDict([('a', 1), ('b', 2)])
o2 = OrderedDict([('b', 2), ('a', 1)])
print(o1 == o2, o1 == {'b': 2, 'a': 1}, dict(o1) == dict(o2))
print(OrderedDict.fromkeys('abc', 0))
o3 = o1.copy()
o3['c'] = 3
print(o1, o3, len(o3))
o3.update({'d': 4}, e=5)
print(o3)
print(o3 | {'f': 6})
del o3['a']
print(o3, 'a' in o3, list(reversed(o3)))
