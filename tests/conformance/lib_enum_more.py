from enum import Enum, IntEnum, StrEnum, auto, unique
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass; self.radius = radius
    @property
    def surface_gravity(self): return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3), Planet((3.303e+23, 2.4397e6)))
class Status(StrEnum):
    ACTIVE = auto()
    INACTIVE = "off"
print(Status.ACTIVE, repr(Status.ACTIVE), Status.ACTIVE == "active", f"{Status.INACTIVE}", Status("off"), Status.ACTIVE.upper(), sorted(Status))
class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2
print(Shape.ALIAS_FOR_SQUARE, Shape(2), list(Shape), list(Shape.__members__), Shape.SQUARE is Shape.ALIAS_FOR_SQUARE)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
class Mood(Enum):
    HAPPY = 1
    SAD = 2
    def describe(self): return f"{self.name.lower()} ({self.value})"
    @classmethod
    def default(cls): return cls.HAPPY
    def __str__(self): return f"Mood:{self.name}"
print(Mood.SAD.describe(), Mood.default(), str(Mood.HAPPY), repr(Mood.HAPPY), f"{Mood.SAD}", [m for m in Mood])
class Http(IntEnum):
    OK = 200
    NOT_FOUND = 404
print(Http.OK == 200, Http(404), Http.OK + 1, Http.OK < Http.NOT_FOUND, str(Http.OK), f"{Http.OK}", repr(Http.OK), {200: "x"}[Http.OK], Http.OK.name, hex(Http.NOT_FOUND))
Color = Enum("Color", "RED GREEN BLUE")
print(list(Color), Color.RED.value, Color["GREEN"], Color(3))
Animal = Enum("Animal", [("CAT", "meow"), ("DOG", "woof")])
print(Animal.CAT.value, Animal("woof"))
class Ordinal(Enum):
    def _generate_next_value_(name, start, count, last_values): return name.lower()
    NORTH = auto()
    SOUTH = auto()
print(Ordinal.NORTH.value, list(Ordinal))
class WithMissing(Enum):
    A = "a"
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str): return cls(value.lower())
print(WithMissing("A"))
try: WithMissing(5)
except ValueError as e: print(e)
try: Mood.HAPPY = 3
except AttributeError as e: print("AttributeError", e)
try: Mood["ANGRY"]
except KeyError as e: print("KeyError", e)
print(Mood.HAPPY in Mood, isinstance(Mood.HAPPY, Mood), type(Mood.HAPPY).__name__, Mood.HAPPY.__class__ is Mood, len(Mood), hash(Mood.HAPPY) == hash(Mood.HAPPY))
d = {Mood.HAPPY: 1}; print(d[Mood(1)], sorted(Mood, key=lambda m: m.value, reverse=True), max(Http), Mood.__members__["SAD"])
match Mood.SAD:
    case Mood.HAPPY: print("happy")
    case Mood.SAD: print("sad")
class Weekday(Enum):
    MON = 1; TUE = 2; WED = 3
    def next(self):
        members = list(type(self))
        return members[(members.index(self) + 1) % len(members)]
print(Weekday.WED.next(), Weekday.MON.next().next())
print(hash(Http.OK) == hash(200), {Http.NOT_FOUND, 404}, hash(Status.ACTIVE) == hash("active"), {"off": 1}[Status.INACTIVE])
try:
    del Mood.SAD
except AttributeError as e:
    print("AttributeError", e)
Mood.extra = 5
print(Mood.extra)
