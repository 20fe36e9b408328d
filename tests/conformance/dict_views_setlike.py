# dict_keys / dict_items compare with sets, frozensets and each other.
d = {'a': 1, 'b': 2, 'c': 3}
k, it, v = d.keys(), d.items(), d.values()
s = {'a', 'b', 'c'}
print(k == s, s == k, k != s, s != k)
print(k == frozenset(s), frozenset(s) == k)
print(k == {'a', 'b'}, k != {'a', 'b'})
print(k < s, k <= s, k > s, k >= s)
print(k > {'a'}, k >= {'a', 'b'}, k < {'a', 'b', 'c', 'd'}, k <= {'a', 'x', 'y', 'z'})
print({'a'} < k, {'a', 'b', 'c', 'd'} > k, {'x'} <= k)
print(it == {('a', 1), ('b', 2), ('c', 3)}, it == {('a', 1), ('b', 2), ('c', 4)})
print(it > {('a', 1)}, it < {('a', 1)}, it >= set(), it <= set(d.items()) | {('z', 0)})
print(k == d.keys(), k == {'a': 0, 'b': 0, 'c': 0}.keys(), k == {'a': 0}.keys())
print(it == dict(d).items(), it == {'a': 1, 'b': 2, 'c': 0}.items())
print(k == ['a', 'b', 'c'], k == ('a', 'b', 'c'), k == 'abc')
print(v == v, v == d.values(), v != v)
print(k & {'a', 'z'}, sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}))
print(sorted(it & {('a', 1), ('b', 5)}), sorted(it - {('a', 1)}))
print(sorted(k & ['b', 'c', 'x']), sorted(['b', 'x'] | k))
e = {}
print(e.keys() == set(), e.items() == set(), e.keys() <= {'a'}, e.keys() < set())
d2 = {1: 'x', 2: 'y'}
print(d2.keys() == {1, 2}, d2.keys() == {1.0, 2.0}, d2.keys() == {True, 2})
d['d'] = 4
print(k == s, k >= s, len(k), sorted(k))
del d['a']
print(k == {'b', 'c', 'd'}, sorted(it))
try:
    print(k < 5)
except TypeError as ex:
    print('TypeError', ex)
print(k == 5, k != None)
print(isinstance(k == s, bool))
