import random
random.seed(123)
print(random.normalvariate(10, 2), random.lognormvariate(0, 1), random.vonmisesvariate(1, 1))
print(random.paretovariate(2), random.weibullvariate(1, 2), random.betavariate(2, 3))
print(random.gammavariate(0.5, 1), random.gammavariate(1.0, 2), random.gammavariate(3, 1.5))
print(random.vonmisesvariate(0, 0), random.expovariate(0.5), random.triangular(1, 5, 2))
print(random.randbytes(6), len(random.randbytes(0)))
r = random.Random(99)
print([round(r.betavariate(0.5, 0.5), 12) for _ in range(5)])
print([round(r.gammavariate(2.5, 1), 12) for _ in range(5)])
print([round(r.weibullvariate(2, 0.5), 12) for _ in range(3)], r.randbytes(3))
try:
    random.gammavariate(0, 1)
except ValueError as e:
    print(e)
