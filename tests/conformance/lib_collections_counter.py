from collections import Counter

c = Counter('abracadabra')
print(c)
print(c['a'], c['z'], len(c), 'b' in c, 'z' in c)
print(c.most_common(), c.most_common(2), c.most_common(0))
print(sorted(c.elements()))
print(c.total())
c.update('aaz')
c.update({'b': 10})
print(c)
c.subtract({'a': 100})
print(c)
print(+c, -c)
d = Counter(a=3, b=1)
e = Counter(a=1, b=2, c=5)
print(d + e, d - e, d | e, d & e)
print(Counter(cats=4, dogs=8))
print(Counter(['x', 'y', 'x']), Counter())
print(Counter({'k': 2}) == Counter(k=2), Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {'a': 1})
del c['a']
del c['nothere']
print(sorted(c.items()))
print(list(Counter('hello').keys()), list(Counter('hello').values()))
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common(3))
print(dict(Counter('aab')), sorted(Counter('ccab')))
f = Counter(a=2)
f += Counter(a=-5, b=1)
print(f)
f['q'] += 1
print(f, f.get('q'), f.get('zz', 'none'))
print(Counter(a=1) <= Counter(a=2), Counter(a=3) <= Counter(a=2), Counter(a=1) < Counter(a=1))
g = f.copy()
g['q'] = 10
print(f, g)
for k, v in Counter('aab').items():
    print(k, v)
