from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend([5, 6])
d.extendleft('ab')
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
print(d, list(reversed(d)))
print(d.count(5), d.index(5), 'a' in d, 'z' in d)
d.remove('a')
d.reverse()
print(d)
d[0] = 'first'
del d[1]
print(d)
d.insert(1, 'ins')
print(d, bool(d), bool(deque()))
d.clear()
print(d, len(d))
q = deque(maxlen=3)
for i in range(6):
    q.append(i)
    print(q)
q.appendleft(-1)
print(q, q.maxlen, deque().maxlen)
q.extend(range(10, 15))
print(q)
q2 = deque('abcde', 2)
print(q2)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == [1, 2], deque([1]) < deque([2]))
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2)
e = deque([1])
e += [2, 3]
print(e, e.copy(), e.copy() is e)
# BFS with popleft
graph = {1: [2, 3], 2: [4], 3: [4], 4: []}
seen, queue, order = {1}, deque([1]), []
while queue:
    n = queue.popleft()
    order.append(n)
    for m in graph[n]:
        if m not in seen:
            seen.add(m)
            queue.append(m)
print(order)
big = deque()
for i in range(1000):
    big.append(i)
    big.appendleft(-i)
s = 0
while big:
    s += big.pop() - big.popleft()
print(s)
print([x * 2 for x in deque(range(5))], sum(deque([1, 2, 3])))
