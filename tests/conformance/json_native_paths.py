import json, math
docs = [
    {"a": [1, 2.5, -3e10, 1e-7, 10**30, True, False, None], "b": {"c": "d\n\t\"q\"\\ \u00e9 \u4e2d \U0001F600 \x01 \x7f"}},
    [], {}, [[]], [{}], "plain", 0, -0.0, 1.0, 123456789012345678901234567890, 1.5e300,
    {1: "int key", 2.5: "float key", True: "bool", None: "none", "z": 1},
    (1, 2, (3,)), {"nested": {"deeper": {"deepest": [1, [2, [3]]]}}},
    float("nan"), float("inf"), -float("inf"),
]
for d in docs:
    for kw in ({}, {"indent": 2}, {"indent": "\t"}, {"indent": 0}, {"sort_keys": True},
               {"ensure_ascii": False}, {"separators": (",", ":")}, {"indent": 3, "sort_keys": True, "ensure_ascii": False}):
        try:
            s = json.dumps(d, **kw)
        except (TypeError, ValueError) as e:
            print("dumps error", type(e).__name__, e)
            continue
        print(repr(s))
        back = json.loads(s)
        print(repr(back) if not (isinstance(back, float) and math.isnan(back)) else "nan")
for bad in ['', ' ', '[1,]', '{"a" 1}', '{"a":1,}', '01', '[1] x', '"abc', '"\\x"', 'tru', '[1, 2', '{"a": [1, {"b": }]}',
'"\\ud83d\\ude00"', '1.', '-', '.5', '1e', '[NaN, Infinity, -Infinity]', '"a\tb"', ' {"k": "v"} ',
            '{"a":1, "a":2, "b":3}', '1' * 5000]:
    try:
        v = json.loads(bad)
        print("ok", repr(v)[:80])
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e, e.pos, e.lineno, e.colno)
    except ValueError as e:
        print("ValueError", str(e)[:60])
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print(e)
print(json.dumps({(1, 2): 3, "k": 1}, skipkeys=True))
try:
    json.dumps({"b": 1, 2: 3}, sort_keys=True)
except TypeError as e:
    print(e)
a = []; a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print(e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print(e)
class E(json.JSONEncoder):
    def default(self, o):
        return sorted(o)
print(json.dumps({"s": {3, 1, 2}}, cls=E))
print(json.dumps([1, {2, 3}], default=list))
from collections import OrderedDict
print(json.dumps(OrderedDict([("b", 1), ("a", 2)])))
print(json.loads('{"a": 1}', object_pairs_hook=OrderedDict))
import enum
class C(enum.IntEnum):
    A = 1
print(json.dumps([C.A, {"k": C.A}]))
