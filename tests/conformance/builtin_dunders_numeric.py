# Explicit calls of the numeric and sequence dunders of built-in types, and
# subclasses that extend them through super().
import math

print((2.5).__round__(), (2.675).__round__(2), (7).__round__(-1), (3.7).__trunc__(), (-3.7).__floor__())
print((-3.2).__ceil__(), (5).__floor__(), (True).__round__(), (7).__divmod__(2), (7.5).__divmod__(2))
print((2).__rdivmod__(7), (7).__divmod__(2.0), (7).__divmod__("x"), (3).__pos__(), (-2.5).__pos__())
print((5).__invert__(), (1 + 2j).__pos__(), int.__round__(15, -1), float.__floor__(2.5))
print(range(3).__reversed__().__class__.__name__, list(range(3).__reversed__()), range(0).__bool__())
l = [1]
r = l.__iadd__((2, 3))
print(r is l, l, l.__imul__(2) is l, l, list(l.__reversed__()))
d = {"a": 1}
print(d.__ior__({"b": 2}) is d, d, {"z": 0}.__ror__(d), d.__ror__(5), list(d.__reversed__()))
print("a".__lt__("b"), "b".__le__("a"), "x".__gt__(1), b"a".__ge__(b"a"), b"a".__lt__(bytearray(b"b")))
print(list("ab".__iter__()), sorted(["b", "a"], key=str.lower), str.__lt__("a", "b"))


class Money(float):
    def __round__(self, n=0):
        return Money(super().__round__(n))

    def __repr__(self):
        return "Money(%s)" % float.__repr__(self)


m = Money(2.675)
print(round(m, 2), round(Money(3.5)), math.floor(m), math.trunc(Money(-1.5)), divmod(Money(7.5), 2))


class Count(int):
    def __floor__(self):
        return "floor of %d" % self

    def __divmod__(self, other):
        q, r = super().__divmod__(other)
        return "q=%d r=%d" % (q, r)


c = Count(17)
print(math.floor(c), math.ceil(c), divmod(c, 5), divmod(20, Count(6)), round(c, -1))


class Rev(list):
    def __reversed__(self):
        return iter(["custom"] + list(super().__reversed__()))


print(list(reversed(Rev([1, 2]))), Rev([3]) + [4])


class Key(str):
    def __lt__(self, other):
        return len(self) < len(other) or (len(self) == len(other) and super().__lt__(other))


print(sorted([Key("bbb"), Key("a"), Key("cc"), Key("ab")]))

# Augmented assignment on lists and dicts works in place.
l = [1, 2]
alias = l
l *= 2
print(alias, l is alias)
l *= 0
print(alias, l is alias)
t = (1,)
tt = t
t *= 3
print(t, tt)
d = {"a": 1}
alias = d
d |= [("b", 2)]
d |= {"c": 3}
print(alias, d is alias)
try:
    d |= 5
except TypeError as e:
    print("TypeError", e)
try:
    l *= 1.5
except TypeError as e:
    print("TypeError", e)
