# Realistic: queue and stack simulations (bracket matching, round-robin, BFS).
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def peek(self):
        return self._items[-1] if self._items else None
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return f"Stack({self._items})"
class Queue:
    def __init__(self):
        self._in, self._out = [], []
    def enqueue(self, x):
        self._in.append(x)
    def dequeue(self):
        if not self._out:
            while self._in:
                self._out.append(self._in.pop())
        if not self._out:
            raise IndexError("dequeue from empty queue")
        return self._out.pop()
    def __len__(self):
        return len(self._in) + len(self._out)
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = Stack()
    for i, ch in enumerate(s):
        if ch in "([{":
            st.push((ch, i))
        elif ch in pairs:
            if not len(st) or st.peek()[0] != pairs[ch]:
                return f"mismatch at {i}"
            st.pop()
    return "ok" if not len(st) else f"unclosed at {st.peek()[1]}"
for s in ["(a[b]{c})", "([)]", "((", "x)", "", "{[()()]}"]:
    print(repr(s), balanced(s))
def round_robin(jobs, quantum):
    q = Queue()
    for name, t in jobs:
        q.enqueue((name, t))
    clock, log = 0, []
    while len(q):
        name, t = q.dequeue()
        run = min(t, quantum)
        clock += run
        if t - run:
            q.enqueue((name, t - run))
        else:
            log.append((name, clock))
    return log
print(round_robin([("A", 5), ("B", 2), ("C", 7), ("D", 3)], 2))
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
def bfs(start):
    dist = {start: 0}
    q = Queue()
    q.enqueue(start)
    order = []
    while len(q):
        n = q.dequeue()
        order.append(n)
        for m in graph[n]:
            if m not in dist:
                dist[m] = dist[n] + 1
                q.enqueue(m)
    return order, dist
print(bfs("a"))
def rpn(expr):
    st = Stack()
    for tok in expr.split():
        if tok in "+-*/":
            b, a = st.pop(), st.pop()
            st.push({"+": a + b, "-": a - b, "*": a * b, "/": a / b}[tok])
        else:
            st.push(int(tok))
    return st.pop()
print(rpn("3 4 + 2 *"), rpn("5 1 2 + 4 * + 3 -"), rpn("7 2 /"))
for bad in [lambda: Stack().pop(), lambda: Queue().dequeue(), lambda: rpn("1 +")]:
    try:
        bad()
    except IndexError as e:
        print("IndexError:", e)
s = Stack()
for i in range(5):
    s.push(i * i)
print(s, len(s), s.pop(), s.peek(), s)
