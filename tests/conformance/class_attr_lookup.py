# Attribute lookup order: instance dict, class, base classes; methods bound vs unbound.
class Base:
    shared = "base-shared"
    override = "base-override"
    def method(self):
        return "Base.method on " + self.name
    def calls_hook(self):
        return self.hook()
    def hook(self):
        return "base hook"
class Child(Base):
    override = "child-override"
    def __init__(self, name):
        self.name = name
    def hook(self):
        return "child hook"
c = Child("c1")
print(c.shared, c.override, Base.override, c.method(), c.calls_hook(), Base.calls_hook(c))
c.override = "instance-override"
print(c.override, Child.override, Base.override)
Base.shared = "mutated on base"
print(c.shared, Child.shared)
Child.shared = "set on child"
print(c.shared, Base.shared)
c.method = lambda: "instance function, no self"
print(c.method(), Child("c2").method())
bound = Child("c3").method
print(bound(), bound.__self__.name, bound.__func__ is Base.method)
print(Child.method is Base.method, type(Child.__dict__.get("method")).__name__, "hook" in Child.__dict__)
class Counter:
    count = 0
    def __init__(self):
        self.count += 1
a, b = Counter(), Counter()
print(a.count, b.count, Counter.count)
class Uses:
    items = []
    def __init__(self, x):
        self.items = self.items + [x]
u1, u2 = Uses(1), Uses(2)
print(u1.items, u2.items, Uses.items)
class WithGetattr:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        return f"<computed {name}>"
w = WithGetattr()
print(w.real, w.fake, getattr(w, "other"), hasattr(w, "anything"))
class Setter:
    def __setattr__(self, name, value):
        print("  setting", name, "=", value)
        super().__setattr__(name, value.upper() if isinstance(value, str) else value)
s = Setter()
s.a = "lower"
s.b = 5
print(s.a, s.b)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
print(sorted(p.__dict__.items()), p.__dict__ == {"x": 1, "y": 2})
p.__dict__["z"] = 3
print(p.z)
