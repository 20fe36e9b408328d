# Class keywords given as **mapping (with metaclass=, __init_subclass__ arguments)
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, sorted(kw.items()))
opts = {"color": "red", "size": 3}
class A(Base, **opts): pass
class B(Base, flag=True, **{"extra": 1}): pass
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", name, kw)
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
kw = {"metaclass": Meta, "tag": "t"}
class C(**kw): pass
print(type(C).__name__)
try:
    class D(Base, color=1, **{"color": 2}): pass
except TypeError as e:
    print("TypeError", type(e).__name__)
try:
    class E(**{1: 2}): pass
except TypeError as e:
    print("TypeError", e)
