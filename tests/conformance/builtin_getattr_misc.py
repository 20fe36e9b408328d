# getattr/setattr/hasattr, isinstance/issubclass/type, id comparisons, object().
class C:
    x = 1
    def __init__(self):
        self.y = 2
c = C()
print(getattr(c, "x"), getattr(c, "y"), getattr(c, "z", None), getattr(C, "x"), hasattr(c, "y"), hasattr(C, "y"))
setattr(c, "z", [3])
print(c.z, hasattr(c, "z"), getattr(c, "z")[0])
setattr(C, "w", "class-level")
print(c.w, C().w)
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
print(getattr("abc", "upper")(), getattr([], "append") is not None, hasattr(5, "real"), getattr(5, "imag"))
print(isinstance(1, int), isinstance(1.0, int), isinstance("s", (int, str)), isinstance(True, int), isinstance(None, type(None)))
print(isinstance([], list), isinstance((), list), isinstance({}, dict), isinstance(C, type), isinstance(c, C), isinstance(int, type))
print(issubclass(int, object), issubclass(bool, int), issubclass(int, bool), issubclass(C, object), issubclass(C, (int, C)))
print(type(1) is int, type(1.0) is float, type("") is str, type([]) is list, type(c) is C, type(C) is type, type(type) is type)
print(type(1).__name__, type(None).__name__, type(len).__name__, type(lambda: 0).__name__, type(C.__init__).__name__, type(c.__init__).__name__)
a = [1]
b = a
d = [1]
print(id(a) == id(b), id(a) == id(d), id(a) != id(d), type(id(a)).__name__)
o1 = object()
o2 = object()
print(o1 == o1, o1 == o2, o1 is not o2, type(o1).__name__, isinstance(o1, object))
try:
    o1.attr = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
T = type(c)
print(T.__name__, T is C, type(c)().y)
print(len("abc"), len([1, 2]), len({"a": 1}), len({1, 2, 2}), len(range(10)), len(()), len(""))
print(callable(len), callable(C), callable(c), callable(None))
