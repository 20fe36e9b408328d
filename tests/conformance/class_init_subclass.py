# __init_subclass__ with class keyword arguments; registries.
class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class Alpha(Plugin): pass
class Beta(Plugin, name="bee"): pass
class Gamma(Beta): pass
print(Plugin.registry, Beta.plugin_name, Gamma.plugin_name)
try:
    class Bad(Plugin, colour="red"): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class NoHook(colour="red"): pass
except TypeError as e:
    print("TypeError:", e)
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, sorted(kw.items()))
class Child(Base, a=1, b=2): pass
class Grand(Child): pass
print(type(Base.__dict__["__init_subclass__"]).__name__)
class Meta(metaclass=type): pass
print(Meta.__name__)
class Counted:
    count = 0
    def __init_subclass__(cls):
        Counted.count += 1
        cls.serial = Counted.count
class C1(Counted): pass
class C2(Counted): pass
print(C1.serial, C2.serial, Counted.count)
