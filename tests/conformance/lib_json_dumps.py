import json
from collections import OrderedDict, Counter

print(json.dumps(None), json.dumps(True), json.dumps(False), json.dumps(0), json.dumps(-12))
print(json.dumps(3.14), json.dumps(1e100), json.dumps(1e-7), json.dumps(-0.0), json.dumps(2.0))
print(json.dumps(float('nan')), json.dumps(float('inf')), json.dumps(float('-inf')))
print(json.dumps(10**40), json.dumps('plain'), json.dumps(''))
print(json.dumps('quote " backslash \\ slash / tab \t nl \n cr \r bs \b ff \f ctl \x01 \x1f del \x7f'))
print(json.dumps('caf\u00e9 \u4e2d \U0001f600'))
print(json.dumps('caf\u00e9 \u4e2d \U0001f600', ensure_ascii=False))
print(json.dumps([]), json.dumps({}), json.dumps(()), json.dumps([[]]), json.dumps({'a': {}}))
print(json.dumps([1, 'two', 3.0, None, [True, False]]))
print(json.dumps((1, (2, 3))))
print(json.dumps({'name': 'x', 'n': 1, 'list': [1, 2], 'nested': {'k': None}}))
print(json.dumps({3: 'int', 1.5: 'float', True: 'bool', None: 'none', 'str': 's'}))
print(json.dumps({'b': 2, 'a': 1, 'c': [3, {'z': 0, 'y': 1}]}, sort_keys=True))
print(json.dumps({'a': [1, 2, {'b': None}], 'c': 'd'}, indent=2))
print(json.dumps([1, [2, [3, []]], {}], indent=4))
print(json.dumps({'a': 1, 'b': [1, 2]}, indent='--'))
print(json.dumps({'a': 1}, indent=0))
print(json.dumps([1, 2, {'a': 3}], separators=(',', ':')))
print(json.dumps({'a': 1, 'b': 2}, separators=(' , ', ' = '), indent=1))
print(json.dumps({'x': 1, (1, 2): 3}, skipkeys=True))
print(json.dumps({1, 2} and sorted({1, 2})))
print(json.dumps(OrderedDict([('z', 1), ('a', 2)])), json.dumps(Counter('aab')))

class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y

def enc(o):
    if isinstance(o, Pt):
        return {'x': o.x, 'y': o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError('nope')

print(json.dumps([Pt(1, 2), {3, 1, 2}], default=enc))
print(json.dumps({'k': Pt(0, [Pt(5, 6)])}, default=enc, indent=1, sort_keys=True))
data = {'users': [{'id': i, 'tags': ['t%d' % j for j in range(i)]} for i in range(3)]}
s = json.dumps(data)
print(s)
print(json.loads(s) == data)
