# Uncaught AttributeError on a user class instance.
class Foo:
    def __init__(self):
        self.y = 1
    def __repr__(self):
        return "Foo()"
f = Foo()
print(f, f.y, hasattr(f, "x"), getattr(f, "x", "fallback"))
print(f.x)
