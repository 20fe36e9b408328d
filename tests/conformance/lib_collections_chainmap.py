# collections.ChainMap, UserDict, UserList, UserString.
import collections
from collections import ChainMap, UserDict, UserList, UserString
defaults = {'color': 'red', 'user': 'guest', 'size': 1}
env = {'user': 'admin'}
cli = {}
cfg = ChainMap(cli, env, defaults)
print(cfg['user'], cfg['color'], len(cfg), sorted(cfg), 'size' in cfg, cfg.get('nope', 0))
cfg['color'] = 'blue'
print(cli, cfg['color'], defaults['color'], cfg)
child = cfg.new_child({'size': 9})
print(child['size'], child.parents['size'], len(child.maps), dict(child))
try:
    del cfg['user']
except KeyError as e:
    print('KeyError', e)
try:
    ChainMap({})['missing']
except KeyError as e:
    print('KeyError', e)
print(list(ChainMap({'a': 1}, {'b': 2, 'a': 3})), sorted(ChainMap({'a': 1}, {'b': 2}).items()))
class Upper(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)
u = Upper(a=1); u['b'] = 2; u.update({'c': 3})
print(u, len(u), 'A' in u, u.get('B'), sorted(u.keys()), u == {'A': 1, 'B': 2, 'C': 3}, u.pop('A'), u)
class Stack(UserList):
    def push(self, x): self.append(x)
s = Stack([1, 2]); s.push(3)
print(s, s[0], s[-1], s[1:], type(s[1:]).__name__, len(s), s + [4], [0] + s, 2 in s, s.pop(), s == [1, 2])
us = UserString('hello'); print(us.upper(), type(us.upper()).__name__, len(us), us[1:3], us + '!', 'ell' in us, us == 'hello')
