# Single inheritance, overriding, super(), isinstance/issubclass.
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
        print("Animal.__init__", name)
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} the {self.kind} says {self.speak()}"
class Dog(Animal):
    kind = "dog"
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
        print("Dog.__init__", breed)
    def speak(self):
        return "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeaky)"
    def describe(self):
        return "puppy: " + super().describe()
class Cat(Animal):
    def speak(self):
        return "meow"
a = Animal("generic")
d = Dog("Rex", "lab")
p = Puppy("Bit", "pug")
c = Cat("Tom")
for x in (a, d, p, c):
    print(x.describe())
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Cat), isinstance(d, Puppy))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, Dog), issubclass(Dog, object), issubclass(bool, int))
print(isinstance(p, (Cat, Dog)), isinstance(3, (str, int)), issubclass(Cat, (Dog, Animal)))
print(Puppy.__bases__, Dog.__base__, Animal.__bases__, p.breed, c.kind)
print([cls.__name__ for cls in Puppy.__mro__])
class Base:
    def __init__(self):
        self.value = "base"
class NoInit(Base):
    pass
print(NoInit().value)
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self
class Double(Counter):
    def inc(self):
        super().inc()
        return super().inc()
print(Double().inc().inc().n)
class A:
    def who(self):
        return "A"
    def call(self):
        return self.who()
class B(A):
    def who(self):
        return "B"
print(A().call(), B().call(), A.who(B()))
class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement")
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
for sh in [Sq(3), Shape()]:
    try:
        print(sh.area())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
