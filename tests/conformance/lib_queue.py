# queue: FIFO, LIFO and priority queues as used for breadth-first search and
# scheduling exercises; Empty/Full; task accounting.
import queue
from queue import Queue, LifoQueue, PriorityQueue, SimpleQueue, Empty, Full

graph = {'A': ['B', 'C'], 'B': ['D'], 'C': ['D', 'E'], 'D': ['F'], 'E': ['F'], 'F': []}


def bfs(start):
    seen = {start}
    order = []
    q = Queue()
    q.put(start)
    while not q.empty():
        node = q.get()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                q.put(nxt)
    return order


print(bfs('A'))

s = LifoQueue()
for i in range(4):
    s.put(i)
print([s.get() for _ in range(s.qsize())])

pq = PriorityQueue()
for item in [(3, 'low'), (1, 'high'), (2, 'mid'), (1, 'also high')]:
    pq.put(item)
out = []
while not pq.empty():
    out.append(pq.get_nowait())
print(out)

b = Queue(maxsize=2)
b.put('x')
b.put_nowait('y')
print(b.full(), b.qsize())
try:
    b.put('z', block=False)
except Full:
    print('Full raised', type(Full()).__name__, issubclass(Full, Exception))
print(b.get(), b.get())
try:
    b.get_nowait()
except queue.Empty as e:
    print('Empty raised', repr(e))
try:
    b.get(timeout=0.01)
except Empty:
    print('Empty after timeout')
try:
    b.get(timeout=-1)
except ValueError as e:
    print(e)

t = Queue()
for i in range(3):
    t.put(i)
print(t.unfinished_tasks)
for i in range(3):
    t.get()
    t.task_done()
print(t.unfinished_tasks)
t.join()
try:
    t.task_done()
except ValueError as e:
    print(e)

sq = SimpleQueue()
sq.put(1)
sq.put(2)
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())
