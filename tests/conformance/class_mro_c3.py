# C3 method resolution order: diamonds, cooperative super(), __mro__ and mro().
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
print(D().who())
class O: pass
class X(O): pass
class Y(O): pass
class Z(O): pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class W(K1, K2, K3): pass
print([k.__name__ for k in W.__mro__])
print([b.__name__ for b in W.__bases__], W.__base__.__name__)
class Mixin:
    def greet(self):
        return "mixin " + self.name
class Named:
    def __init__(self, name):
        self.name = name
class Both(Mixin, Named):
    pass
print(Both("x").greet(), issubclass(Both, Mixin), issubclass(Both, Named), isinstance(Both("y"), Named))
class Init1:
    def __init__(self):
        print("Init1"); super().__init__()
class Init2:
    def __init__(self):
        print("Init2"); super().__init__()
class Init3(Init1, Init2):
    def __init__(self):
        print("Init3"); super().__init__()
Init3()
print(super(B, D()).who(), super(C, D()).who())
