# Instances of built-in subclasses passed to built-in functions, json and functools.
import json
class S(str): pass
class I(int): pass
class F(float): pass
class L(list): pass
class D(dict): pass
print(json.dumps({S("k"): [S("v"), I(3), F(1.5), L([1]), D(a=I(2))]}))
print(json.dumps(I(True)), json.loads(json.dumps(S("x"))))
import functools
@functools.lru_cache
def f(x):
    return x * 2
print(f(I(3)), f(3))
print(sorted(D(b=1, a=2).items()), list(reversed(L([1, 2]))), list(enumerate(S("ab"))))
print(any(L([0, 1])), all(L()), min(L([3, 2])), " ".join(L(["a", "b"])), set(L([1, 1])))
print(I(5).__class__.__name__, I.__mro__, isinstance(I(1), (str, int)))
print(str(I(5)), str(F(2.5)), repr(S("q")), format(F(2.5), ".3f"), f"{I(42):>5}|{S('s'):^5}|")
print(divmod(I(7), 2), pow(I(2), 10), pow(I(2), 10, 7), abs(I(-1)), round(F(2.567), 2), int(F(3.9)))
print(L([3, 1, 2]).sort() is None, sorted(L([3, 1, 2]), reverse=True), L("abc").index("b"))
print(range(I(3)), [1, 2, 3][I(1)], "abc"[I(-1)], [0] * I(2), bytes(I(2)), chr(I(65)), ord(S("A")))
x = D()
x.update({"a": 1}, b=2)
print(x, x.pop("a"), x.popitem(), x, D.fromkeys([1]))
