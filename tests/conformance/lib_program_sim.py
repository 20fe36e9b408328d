import random
from collections import deque, namedtuple
from itertools import count, accumulate

Customer = namedtuple('Customer', 'id arrival service')
rng = random.Random(7)
ids = count(1)
t = 0.0
customers = []
for _ in range(15):
    t += rng.expovariate(1.0)
    customers.append(Customer(next(ids), round(t, 3), rng.randint(1, 3)))
queue = deque(customers)
clock = 0.0
waits = []
while queue:
    c = queue.popleft()
    start = max(clock, c.arrival)
    waits.append(round(start - c.arrival, 3))
    clock = start + c.service
print(customers[:3])
print(waits)
print(list(accumulate(c.service for c in customers)))
print(round(sum(waits) / len(waits), 6), round(clock, 3))
board = [[rng.choice('.#') for _ in range(8)] for _ in range(4)]
print('\n'.join(''.join(r) for r in board))
