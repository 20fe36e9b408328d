# obj.__class__ when a class defines __class__ itself (an attribute or a property):
# what the class says, while type() tells the truth.
class A:
    pass


class D:
    __class__ = A


class P:
    @property
    def __class__(self):
        return A


class E:
    pass


for o in (D(), P(), E()):
    print(o.__class__.__name__, type(o).__name__, isinstance(o, A), isinstance(o, type(o)))
print(D.__class__.__name__, P.__class__.__name__)
