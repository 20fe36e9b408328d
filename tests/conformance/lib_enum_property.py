# enum.property and the read-only name/value of members.
import enum
class C(enum.Enum):
    A = 1
    B = 2
    @enum.property
    def label(self):
        "the label"
        return "L" + str(self.value)
    @enum.property
    def twice(self):
        return self._value_ * 2
    @twice.setter
    def twice(self, v):
        self._value_ = v // 2
for attr in ["value", "name", "label", "_value_", "other"]:
    try:
        setattr(C.A, attr, 2)
        print("set", attr, getattr(C.A, attr))
    except AttributeError as e:
        print(attr, e)
for attr in ["value", "name", "label"]:
    try:
        delattr(C.B, attr)
    except AttributeError as e:
        print(e)
print(C.A.label, C.A.value, C.B.label, C.B.twice)
C.B.twice = 10
print(C.B.value, C.B.twice, type(C.__dict__["label"]).__name__, C.__dict__["label"].__doc__)
try:
    C.label
except AttributeError as e:
    print("AttributeError", e)
print([m.name for m in C], "label" in C.__members__, isinstance(enum.property(), enum.property))
class Shape(enum.Enum):
    SQUARE = 4
    TRIANGLE = 3
    @property
    def sides(self):
        return self.value
print(Shape.SQUARE.sides, [s.sides for s in Shape])
try:
    Shape.SQUARE.sides = 5
except AttributeError as e:
    print(type(e).__name__)
