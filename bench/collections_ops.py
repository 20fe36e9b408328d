# collections_ops: deque as a FIFO window and a BFS queue, deque iteration, Counter
# word counts and defaultdict grouping. An optional second argument (deque, counter or
# defaultdict) runs one part only.
# scale: default=4000000 smoke=2000
import sys
from collections import Counter, defaultdict, deque


def deque_part(n):
    d = deque()
    for i in range(n):
        d.append(i)
        if len(d) > 100:
            d.popleft()
    t = 0
    while d:
        t += d.pop()
    q = deque([0])
    seen = 0
    while q:
        x = q.popleft()
        seen += 1
        if x < n // 5:
            q.append(2 * x + 1)
            q.append(2 * x + 2)
    w = deque(range(n // 10), maxlen=n // 10)
    s = 0
    for _ in range(10):
        for v in w:
            s += v
        w.rotate(3)
        s += w[0] + w[-1]
    print("deque", t, seen, s, len(w))


def counter_part(n):
    base = ["w" + str(i) for i in range(5000)]
    words = [base[(i * 7919) % 5000 if i % 3 else i % 50] for i in range(n // 5)]
    text = " ".join(words)
    c = Counter()
    for _ in range(5):
        c.update(text.split())
    c2 = Counter(words)
    for w in words[: n // 10]:
        c2[w] += 1
    print("counter", c.most_common(3), c2.most_common(2), sum(c.values()), len(c2))


def defaultdict_part(n):
    g = defaultdict(list)
    for i in range(n // 2):
        g[i % 1000].append(i)
    cnt = defaultdict(int)
    for i in range(n // 2):
        cnt[i % 777] += 1
    print("defaultdict", len(g), sum(len(v) for v in g.values()), cnt[5], len(cnt))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000000
    part = sys.argv[2] if len(sys.argv) > 2 else "all"
    if part in ("all", "deque"):
        deque_part(n)
    if part in ("all", "counter"):
        counter_part(n)
    if part in ("all", "defaultdict"):
        defaultdict_part(n)


main()
