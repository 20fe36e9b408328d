# from __future__ import annotations: annotations are strings, never evaluated.
from __future__ import annotations

import __future__

print(__future__.annotations.compiler_flag == 0x1000000, annotations)
print('annotations' in __future__.all_feature_names)


class Node:
    value: int
    next: Node | None = None

    def __init__(self, value: int, next: Node | None = None) -> None:
        self.value = value
        self.next = next

    def append(self, value: int) -> Node:
        n = Node(value)
        self.next = n
        return n


def walk(node: Node | None) -> list[int]:
    out: list[int] = []
    while node is not None:
        out.append(node.value)
        node = node.next
    return out


head = Node(1)
head.append(2).append(3)
print(walk(head))
print(Node.__annotations__)
print(Node.__init__.__annotations__)
print(walk.__annotations__)
limit: UndefinedType = 10
print(__annotations__, limit)


def f(a: 'quoted', b: Dict[str, int], *rest: Tuple, **kw: Any) -> Optional[int]:
    return None


print(f.__annotations__)
