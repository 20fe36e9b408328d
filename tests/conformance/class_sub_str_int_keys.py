# Subclass instances as dict keys, set members and sort keys.
class Key(str):
    pass
class Num(int):
    pass
d = {Key("a"): 1, "b": 2, Num(3): "three", 4: "four"}
print(d["a"], d[Key("b")], d[3], d[Num(4)], len(d), sorted(map(str, d)))
s = {Num(1), 1, 1.0, Key("x"), "x"}
print(len(s), sorted(map(repr, s)))
print(sorted([Num(3), 1, Num(2)]), sorted([Key("b"), "a", Key("c")]), max(Num(5), 4), min(Key("z"), "y"))
print(Num(2) in [1, 2], Key("q") in {"q": 0}, [1, 2, 3].index(Num(2)), "abc".find(Key("c")))
print("a,b".split(Key(",")), Key("a-b").replace("-", Key("+")), Key("x") < "y", Num(1) == 1.0)
