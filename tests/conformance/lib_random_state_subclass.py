import random
class R(random.Random):
    def getrandbits(self, k):
        return 0
r = R(5)
print(r.randint(1, 10), r.choice("abc"), r.randrange(3, 9), r.random())
class R2(random.Random):
    pass
r2 = R2(7); print(r2.randint(1, 100), r2.choice(range(50)), r2.sample(range(10), 3), r2.random())
random.seed(3); st = random.getstate(); a = [random.random() for _ in range(700)]; random.setstate(st); print(a == [random.random() for _ in range(700)], random.getstate()[1][-1])
random.seed(11); print(random.getrandbits(100), random.getrandbits(47), random.getrandbits(48), random.randrange(2**60), random.randrange(10**20, 10**21), random.randint(-2**50, 2**50))
print(random.choice([1]), random.randrange(1), [random.randint(5, 5) for _ in range(3)])
