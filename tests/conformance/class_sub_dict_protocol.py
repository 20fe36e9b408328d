# dict/list subclasses overriding protocol methods used by built-ins.
class Reversed(list):
    def __iter__(self):
        return iter(list.__iter__(self).__class__ and reversed(list(super().__iter__())))
r = Reversed([1, 2, 3])
print(list(r), [x for x in r], sum(r), r, len(r))
class Contains(dict):
    def __contains__(self, k):
        return True
c = Contains(a=1)
print("zzz" in c, "a" in c, c.get("zzz"), list(c))
class LenLies(list):
    def __len__(self):
        return 0
ll = LenLies([1, 2])
print(len(ll), bool(ll), list(ll), ll)
class EqAll(list):
    def __eq__(self, other):
        return True
    __hash__ = None
print(EqAll([1]) == [2], [2] == EqAll([1]), EqAll([1]) != [1], EqAll() in [[5]])
class KeyTrack(dict):
    def keys(self):
        print("keys called")
        return super().keys()
    def __getitem__(self, k):
        return super().__getitem__(k) * 10
kt = KeyTrack(a=1, b=2)
print(kt["a"], dict(kt), sorted(kt.items()))
def f(**kw):
    return kw
print(f(**kt))
class Sorted(list):
    def __lt__(self, other):
        return len(self) < len(other)
print(sorted([Sorted([1, 2]), Sorted([3]), Sorted([])]))
class Norm(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
    def __missing__(self, k):
        return f"<missing {k}>"
n = Norm(a=1)
print(n["A"], n["Q"], dict.__getitem__(n, "zz"), n.get("q"))
class Plain(dict):
    pass
try:
    dict.__getitem__(Plain(), "x")
except KeyError as e:
    print("KeyError", e)
print(dict.__getitem__({"a": 1}, "a"), Plain(b=2)["b"])
