from collections import deque

def attempt(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)

d = deque([1, 2, 3])
attempt(lambda: deque().pop())
attempt(lambda: deque().popleft())
attempt(lambda: d[3])
attempt(lambda: d[-4])
attempt(lambda: d.index(9))
attempt(lambda: d.remove(9))
attempt(lambda: deque([], -1))
attempt(lambda: d['x'])
attempt(lambda: hash(d))
attempt(lambda: deque([1], 1).insert(0, 2))

def mutate():
    for x in d:
        d.append(x)
attempt(mutate)
deque().popleft()
