# __annotations__ in module and class bodies; type() runs __set_name__/__init_subclass__;
# functions are descriptors; __dir__; __class_getitem__; __qualname__.
count: int = 0
label: "str"
print(__annotations__)
class Record:
    name: str
    size: int = 3
    if True:
        flag: bool = False
    def method(self):
        local: int = 5
        return local
print(Record.__annotations__, Record.size, Record().method(), "name" in Record.__dict__)
class Sub(Record):
    extra: float
print(Sub.__annotations__)
try:
    class Broken:
        x: undefined_name = 1
except NameError as e:
    print("NameError:", e)
class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class Hook:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
T = type("T", (Hook,), {"d": Desc(), "v": 1})
print(T.v, T.__name__, T.__qualname__, type(T).__name__, [c.__name__ for c in T.__mro__])
def describe(self):
    return f"<{type(self).__name__}>"
class Empty:
    pass
e = Empty()
bound = describe.__get__(e, Empty)
print(bound(), describe.__get__(None, Empty) is describe, bound.__self__ is e)
class Listing:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(Listing()))
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"
print(Box[int], Box[str])
class Outer:
    class Inner:
        def m(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__, "__qualname__" in Outer.__dict__)
class Renamed:
    __qualname__ = "Other.Name"
print(Renamed.__qualname__, Renamed.__name__)
