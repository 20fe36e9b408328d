# Realistic: singly linked list with iteration, reversal, and dunder methods.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push_front(it)
    def push_front(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def append(self, v):
        node = Node(v)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self.size += 1
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next
    def __len__(self):
        return self.size
    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(v) for v in self) + "])"
    def __str__(self):
        return " -> ".join(str(v) for v in self) or "(empty)"
    def __getitem__(self, i):
        if i < 0:
            i += self.size
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("linked list index out of range")
    def __contains__(self, v):
        return any(x == v for x in self)
    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
        return self
    def remove(self, v):
        prev, cur = None, self.head
        while cur:
            if cur.value == v:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self.size -= 1
                return True
            prev, cur = cur, cur.next
        return False
ll = LinkedList([1, 2, 3])
ll.append(4)
ll.push_front(0)
print(repr(ll), str(ll), len(ll), ll[0], ll[-1], ll[2], 3 in ll, 9 in ll)
print(str(ll.reverse()), list(ll), sum(ll), max(ll), sorted(ll))
print(ll.remove(2), ll.remove(99), ll.remove(4), str(ll), len(ll))
print(LinkedList("ab") == LinkedList(["a", "b"]), LinkedList() == LinkedList(), str(LinkedList()), bool(LinkedList()))
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
words = LinkedList("the quick brown fox".split())
print([w.upper() for w in words], dict(enumerate(words)))
