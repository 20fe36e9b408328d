# Errors raised from __getattr__/__getattribute__ propagate; AttributeError messages.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        print("  forward", name)
        return getattr(object.__getattribute__(self, "_target"), name)
    def __setattr__(self, name, value):
        setattr(object.__getattribute__(self, "_target"), name, value)
class Target:
    def __init__(self):
        self.v = 1
    def hello(self):
        return "hello from target"
t = Target()
p = Proxy(t)
print(p.v, p.hello())
p.v = 42
print(t.v, p.v)
try:
    p.nothing
except AttributeError as e:
    print("AttributeError:", e)
class Strict:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise PermissionError(name)
        return super().__getattribute__(name)
s = Strict()
s.secret_key = 1
s.public = 2
print(s.public, getattr(s, "nope", "default"))
print(s.secret_key)
