# An unexpected class keyword reaches object.__init_subclass__ (TypeError).
class Base:
    def __init_subclass__(cls, *, flavour, **kw):
        super().__init_subclass__(**kw)
        cls.flavour = flavour
class Vanilla(Base, flavour="vanilla"):
    pass
print(Vanilla.flavour)
try:
    class Missing(Base):
        pass
except TypeError as e:
    print("TypeError:", e)
class Extra(Base, flavour="x", size=3):
    pass
