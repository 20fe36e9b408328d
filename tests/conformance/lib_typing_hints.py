from __future__ import annotations
import typing
from typing import Optional, List, NamedTuple
class Emp(NamedTuple):
    name: str
    id: int = 3
class Node:
    nxt: Optional[Node] = None
    vals: List[int]
class Sub(Node):
    extra: "dict[str, int]"
def f(a: int, b: "Node" = None) -> List[str]: ...
print(typing.get_type_hints(Emp), typing.get_type_hints(Node), typing.get_type_hints(Sub), typing.get_type_hints(f))
import sys
print(typing.get_type_hints(sys.modules[__name__]) if False else "")
