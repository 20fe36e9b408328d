# Built-in subclasses with the new dunders: reversed(), orderings, in-place operators;
# dict views' __reversed__.
class D(dict): pass
class L(list): pass
class S(str): pass
class T(tuple): pass
print(list(reversed(D(a=1, b=2))), list(reversed(L([1, 2]))), list(reversed(S("ab"))), list(reversed(T((1, 2)))))
print(sorted([S("b"), S("a")]), S("a") < S("b"), S("a") < "b", "a" < S("b"), max(S("x"), "y"))
print(L([1]) + [2], [2] + L([1]), L([3]) * 2, 2 * L([3]))
l = L([1]); l += [2]; l *= 2; print(l, type(l).__name__)
d = D(a=1); d |= {"b": 2}; print(d, type(d).__name__, d | {"c": 3}, {"z": 0} | d)
class N(int): pass
print(round(N(15), -1), divmod(N(7), 2), N(7).__divmod__(2), (N(3)).__round__(), type(round(N(5))).__name__)
class F(float): pass
print(round(F(2.5)), math_floor := __import__("math").floor(F(2.7)), F(2.5).__round__(1))
print(list(reversed(range(3))), range(3).__reversed__().__class__.__name__)
import collections
od = collections.OrderedDict(a=1, b=2)
print(list(reversed(od)), list(reversed(od.items())) if hasattr(od.items(), "__reversed__") else "")
dd = {"x": 1, "y": 2}
print(list(dd.keys().__reversed__()), list(dd.values().__reversed__()), list(dd.items().__reversed__()), list(reversed(dd.values())))
