import random

def attempt(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)

random.seed(1)
attempt(lambda: random.randrange(0))
attempt(lambda: random.randrange(5, 5))
attempt(lambda: random.randrange(0, 10, 0))
attempt(lambda: random.randrange(10, 0))
attempt(lambda: random.randrange(0, 10, -1))
attempt(lambda: random.randrange(1.5))
attempt(lambda: random.randrange('a'))
attempt(lambda: random.randint(5, 1))
attempt(lambda: random.choice([]))
attempt(lambda: random.sample([1, 2], 3))
attempt(lambda: random.sample({1, 2}, 1))
attempt(lambda: random.getrandbits(-1))
attempt(lambda: random.choices([1, 2], [1], k=1))
attempt(lambda: random.choices([1, 2], weights=[0, 0]))
attempt(lambda: random.choices([1], [1], cum_weights=[1]))
attempt(lambda: random.seed([1]))
attempt(lambda: random.randrange(10, step=2))
random.choice('')
