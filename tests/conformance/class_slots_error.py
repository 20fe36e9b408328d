# Assigning an attribute not in __slots__ is an uncaught AttributeError.
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
v = Vec(1, 2)
print(v)
v.y = 5
print(v)
v.z = 3
print("not reached")
