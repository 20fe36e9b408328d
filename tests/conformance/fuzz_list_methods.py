import random
random.seed(77)
def ri(): return random.choice([None, -9, -3, -1, 0, 1, 2, 4, 9])
out = []
for _ in range(4000):
    l = [random.randint(-3, 3) for _ in range(random.randint(0, 7))]
    m = random.randint(0, 15)
    try:
        if m == 0: l.insert(random.randint(-9, 9), "x"); r = l
        elif m == 1: r = (l.pop(random.randint(-9, 9)), l)
        elif m == 2: l[ri():ri()] = [9] * random.randint(0, 3); r = l
        elif m == 3: l[ri():ri():random.choice([1, 2, -1, -2])] = [8] * random.randint(0, 3); r = l
        elif m == 4: del l[ri():ri():random.choice([None, 1, 2, -1, -3])]; r = l
        elif m == 5: r = l.index(random.randint(-3, 3), ri() or 0, ri() if ri() is not None else 9)
        elif m == 6: l.sort(key=lambda v: (v % 2, -v), reverse=random.choice([True, False])); r = l
        elif m == 7: l.reverse(); r = (l, l.count(1))
        elif m == 8: l.remove(random.randint(-3, 3)); r = l
        elif m == 9: l.extend(range(random.randint(0, 3))); r = (l, l[::-2])
        elif m == 10: l *= random.randint(-1, 3); r = l
        elif m == 11: r = (l < [0], l == sorted(l), max(l, default=None), min(l, default=None), sum(l))
        elif m == 12: del l[random.randint(-9, 9)]; r = l
        elif m == 13: l[random.randint(-9, 9)] = 5; r = l
        elif m == 14: r = (sorted(set(l)), list(dict.fromkeys(l)), tuple(l)[ri():ri()])
        else: r = [l[i] for i in range(-len(l), len(l))] + l[ri():]
    except Exception as e:
        r = f"{type(e).__name__}: {e}"
    out.append(f"{m} -> {r!r}")
print("\n".join(out))
