# __getattr__ is the fallback; __getattribute__ sees every read; object.__getattribute__.
class Fallback:
    x = 1
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return "fallback:" + name
f = Fallback()
print(f.x, f.y, getattr(f, "z"), hasattr(f, "_hidden"), getattr(f, "_q", "default"))
class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        print("  get", name)
        return object.__getattribute__(self, name)
    def method(self):
        return "m"
l = Logged()
print(l.a)
print(l.method())
try:
    l.missing
except AttributeError as e:
    print("AttributeError:", e)
class Both:
    def __getattribute__(self, name):
        if name == "special":
            return "from getattribute"
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "from getattr " + name
b = Both()
print(b.special, b.other)
class Upper:
    def __init__(self):
        self.value = "abc"
    def __getattribute__(self, name):
        v = super().__getattribute__(name)
        return v.upper() if isinstance(v, str) else v
print(Upper().value)
class Raises:
    def __getattribute__(self, name):
        raise KeyError(name)
try:
    Raises().x
except KeyError as e:
    print("KeyError:", e)
try:
    object.__getattribute__(Fallback(), 5)
except TypeError as e:
    print("TypeError:", e)
