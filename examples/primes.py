"""A small real program: primes, a word count and a class, printed as a report."""


def primes(limit):
    sieve = [True] * (limit + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, limit + 1, i):
                sieve[j] = False
    return [i for i, p in enumerate(sieve) if p]


class Stats:
    def __init__(self, values):
        self.values = list(values)

    @property
    def mean(self):
        return sum(self.values) / len(self.values)

    def __repr__(self):
        return f"Stats(n={len(self.values)}, mean={self.mean:.3f})"


ps = primes(10_000)
print(f"{len(ps)} primes below 10000; the last five: {ps[-5:]}")
gaps = [b - a for a, b in zip(ps, ps[1:])]
print("largest gap:", max(gaps), "at", ps[gaps.index(max(gaps))])
print(Stats(gaps))
counts = {}
for g in gaps:
    counts[g] = counts.get(g, 0) + 1
for gap, n in sorted(counts.items(), key=lambda kv: -kv[1])[:3]:
    print(f"  gap {gap:>2}: {n:4d} times")
