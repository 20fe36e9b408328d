import pprint
from collections import OrderedDict, defaultdict, Counter, deque, ChainMap
from dataclasses import dataclass, field
import types
data = {"name": "Widget Pro", "tags": ["tools", "hardware", "premium", "sale", "featured", "new-arrival"], "dimensions": {"width": 10.5, "height": 20.25, "depth": 3}, "stock": [{"warehouse": "east", "qty": 120, "reorder": False}, {"warehouse": "west", "qty": 4, "reorder": True}], "price": 19.99, "id": 123456789}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4, width=60, sort_dicts=False)
pprint.pprint(data, depth=1)
pprint.pprint(data, compact=True, width=50)
print(pprint.pformat(list(range(40))))
pprint.pprint(list(range(40)), compact=True)
pprint.pprint([list(range(10))] * 4, width=30)
pprint.pprint(("a" * 30, "b" * 30, "c" * 30))
pprint.pprint({"long": "word " * 30})
pprint.pprint(["lorem ipsum dolor sit amet " * 5])
pprint.pprint({3, 1, 2, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000})
pprint.pprint(frozenset(range(30)))
pprint.pprint(OrderedDict((str(i), i * 1000) for i in range(12)))
pprint.pprint(defaultdict(list, {f"k{i}": list(range(i)) for i in range(8)}))
pprint.pprint(Counter("the quick brown fox jumps over the lazy dog and then some more text"))
pprint.pprint(deque(range(30), maxlen=40)); pprint.pprint(deque(range(30)))
pprint.pprint(ChainMap({f"a{i}": i for i in range(6)}, {f"b{i}": i for i in range(6)}))
@dataclass
class Point:
    x: int
    y: int
    label: str = "origin point with a long label"
    history: list = field(default_factory=lambda: list(range(15)))
pprint.pprint(Point(1, 2)); pprint.pprint([Point(3, 4)] * 2, width=60)
pprint.pprint(types.SimpleNamespace(alpha=list(range(20)), beta="text " * 10, gamma={"x": 1}))
pprint.pprint(b"0123456789" * 10); pprint.pprint(bytearray(b"abcdefgh" * 12))
l = [1, 2]; l.append(l); print(pprint.saferepr(l)[:30].split(" with")[0], pprint.isrecursive(l), pprint.isreadable([1, 2]), pprint.isreadable(object()))
pprint.pp({"b": 1, "a": [1, 2]})
pprint.pprint({(1, 2): "tuple key", "str": None, 3: [], 2.5: {}}, width=30)
pprint.pprint([[[[["deep"]]]]], depth=3)
pprint.pprint(12345678901234567890, underscore_numbers=True)
pprint.pprint({"x": 1, 2: "mixed", None: 0}) if False else None
print(pprint.pformat({"a": 1, "b": 2}, width=5))
pprint.pprint("short"); pprint.pprint("line1\nline2 is long " * 6)
