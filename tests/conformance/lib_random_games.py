import random

rng = random.Random(2024)
rolls = [rng.randint(1, 6) for _ in range(600)]
print([rolls.count(i) for i in range(1, 7)])
walk = 0
path = []
for _ in range(20):
    walk += rng.choice((-1, 1))
    path.append(walk)
print(path)
names = ['ann', 'bob', 'cy', 'dee', 'eve']
rng.shuffle(names)
print(names)
inside = 0
for _ in range(2000):
    x, y = rng.random(), rng.random()
    if x * x + y * y <= 1.0:
        inside += 1
print(inside, 4 * inside / 2000)
print(sorted(rng.sample(range(1, 50), 6)))
state = rng.getstate()
a = [rng.random() for _ in range(3)]
rng.setstate(state)
print(a == [rng.random() for _ in range(3)])
random.seed(99)
print(''.join(random.choice('ACGT') for _ in range(40)))
print(random.randrange(0, 101, 10), random.random() < 1.0)
