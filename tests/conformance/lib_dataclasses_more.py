from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, make_dataclass, FrozenInstanceError
import dataclasses
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e: print(e)
try:
    @dataclass
    class Bad2:
        x: int = 0
        y: int
except TypeError as e: print(e)
@dataclass(order=True)
class Item:
    sort_index: float = field(init=False, repr=False)
    name: str
    price: float = field(compare=False)
    qty: int = 0
    def __post_init__(self): self.sort_index = self.price * self.qty
items = [Item("a", 2.0, 3), Item("b", 1.0, 10), Item("c", 5.0, 1)]
print(sorted(items), items[0] == Item("a", 99.0, 3), items[0].sort_index)
@dataclass(frozen=True)
class FP:
    x: int
    y: int = 0
fp = FP(1)
try: fp.x = 2
except FrozenInstanceError as e: print(type(e).__name__, e)
try: del fp.y
except FrozenInstanceError as e: print(type(e).__name__, e)
print(hash(fp) == hash(FP(1)), {fp: 1}[FP(1, 0)], replace(fp, y=5), fp)
try:
    @dataclass
    class Sub(FP):
        z: int = 0
except TypeError as e: print(e)
@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree, asdict(tree), astuple(tree), is_dataclass(tree), is_dataclass(Node), is_dataclass(1))
print([(f.name, f.type if isinstance(f.type, str) else f.type.__name__, f.default is dataclasses.MISSING) for f in fields(Node)])
Pt = make_dataclass("Pt", [("x", int), ("y", int, field(default=0))], order=True)
print(Pt(1), Pt(1, 2) < Pt(1, 3), fields(Pt)[1].default)
@dataclass
class Base:
    a: int
    b: str = "b"
@dataclass
class Der(Base):
    c: float = 1.0
    a: int = 5
print(Der(), Der(1, "x", 2.0), [f.name for f in fields(Der)])
@dataclass(repr=False, eq=False)
class Plain:
    v: int
p = Plain(1); print(p == Plain(1), "Plain object" in repr(p))
@dataclass
class WithMeta:
    v: int = field(default=0, metadata={"unit": "cm"})
print(fields(WithMeta)[0].metadata["unit"], WithMeta.__dataclass_fields__["v"].default)
try: Der(1, 2, 3, 4)
except TypeError as e: print(e)
try: Der(x=1)
except TypeError as e: print(e)
try: Node()
except TypeError as e: print(e)
try: replace(tree, nope=1)
except TypeError as e: print(e)
@dataclass
class Acc:
    owner: str
    history: list = field(default_factory=list, repr=False)
    def deposit(self, amt):
        if amt <= 0: raise ValueError("amount must be positive")
        self.history.append(amt); return self
    @property
    def balance(self): return sum(self.history)
a = Acc("ann").deposit(5).deposit(10); print(a, a.balance, Acc.__init__.__qualname__ if hasattr(Acc.__init__, "__qualname__") else "")
print(Item.__match_args__, Base.__match_args__)
match Der(1, "q"):
    case Der(a=1, b=bb): print("matched", bb)
@dataclass
class Mut:
    v: int = 0
try:
    @dataclass(frozen=True)
    class FrozenFromMut(Mut):
        w: int = 1
except TypeError as e:
    print(e)
@dataclass(frozen=True)
class FSub(FP):
    z: int = 0
print(FSub(1, 2, 3))
