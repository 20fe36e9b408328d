# Class basics: instances, attributes, methods, class vs instance attributes.
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        Dog.count += 1
    def bark(self):
        return self.name + " says woof"
    def birthday(self):
        self.age += 1
        return self
d1 = Dog("Rex")
d2 = Dog("Fido", 5)
print(d1.name, d1.age, d2.name, d2.age, Dog.count, d1.count)
print(d1.bark(), Dog.bark(d2), d1.birthday().birthday().age)
print(d1.species, d2.species, Dog.species)
d1.species = "lupus"
print(d1.species, d2.species, Dog.species)
Dog.species = "changed"
print(d1.species, d2.species)
del d1.species
print(d1.species)
print(Dog, type(d1), type(d1).__name__, Dog.__name__, type(d1) is Dog, d1.__class__ is Dog)
print(isinstance(d1, Dog), isinstance(d1, object), isinstance(5, Dog))
print(sorted(d2.__dict__.items()))
d2.extra = [1]
print(sorted(d2.__dict__), hasattr(d2, "extra"), hasattr(d1, "extra"))
print(getattr(d1, "name"), getattr(d1, "missing", "default"))
setattr(d1, "name", "Max")
print(d1.name)
m = d1.bark
print(m())
d1.name = "Buddy"
print(m())
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, type(e).__name__, Empty.__name__)
class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
s1, s2 = Shared(), Shared()
s1.add(1); s2.add(2)
print(s1.items, s2.items, Shared.items)
class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
p = Point(1, 2)
print(p, [p, Point()], p.moved(3, 4), str(p), repr(p))
print(Point.moved(p, 1, 1), callable(p.moved), callable(p))
class WithClassRef:
    total = 0
    def bump(self):
        type(self).total += 10
        return self.total
w = WithClassRef()
print(w.bump(), w.bump(), WithClassRef.total)
