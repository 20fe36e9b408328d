# A built-in left operand that does not know the right one lets the right
# operand's reflected method answer; subclasses of built-ins on the right are
# seen as their values.
class V:
    def __radd__(self, o): return "V.radd(%r)" % (o,)
    def __rmul__(self, o): return "V.rmul(%r)" % (o,)
    def __ror__(self, o): return "V.ror(%r)" % (o,)
    def __rsub__(self, o): return "V.rsub(%r)" % (o,)
    def __rmod__(self, o): return "V.rmod(%r)" % (o,)
    def __rpow__(self, o): return "V.rpow(%r)" % (o,)

print("s" + V())
print([1] + V())
print((1,) + V())
print(b"x" + V())
print(bytearray(b"x") + V())
print([1] * V())
print("ab" * V())
print({1} | V())
print({1: 2} | V())
print({1} - V())
print(1.5 + V())
print(1 + V())
print(2 ** V())
print((1 + 2j) + V())

s = "acc"
s += V()
print(s)
lst = [1]
lst2 = lst
print(lst + V(), lst is lst2)


class Money:
    def __init__(self, c): self.c = c
    def __add__(self, o):
        if isinstance(o, Money): return Money(self.c + o.c)
        if isinstance(o, int): return Money(self.c + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd with", repr(o))
        if isinstance(o, int): return Money(self.c + o)
        return NotImplemented
    def __repr__(self): return "Money(%d)" % self.c

print(sum([Money(1), Money(2), Money(3)]))
print(10 + Money(5))
for bad in ["s", [1], (1,), 1.5]:
    try:
        print(bad + Money(1))
    except TypeError as e:
        print("TypeError:", e)


class MS(str):
    def __add__(self, o): return "MS.add"
class ML(list):
    def __mul__(self, o): return "ML.mul"
class MI(int):
    def __sub__(self, o): return "MI.sub"
class MT(tuple):
    def __add__(self, o): return "MT.add"
class MD(dict):
    def __or__(self, o): return "MD.or"
class MF(float):
    def __add__(self, o): return "MF.add"

print("s" + MS("x"), type("s" + MS("x")).__name__)
print([1] + ML([2]), 3 * ML([1]))
print(5 - MI(2), 5 + MI(2), 2 ** MI(3))
print((1,) + MT((2,)), type((1,) + MT((2,))).__name__)
print({1: 2} | MD(a=1))
print(1.5 + MF(2), 1 + MF(2))
print("%s-%s" % MT((1, 2)))
