import itertools

def attempt(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: itertools.islice('abc', -1))
attempt(lambda: itertools.islice('abc', 1, -1))
attempt(lambda: itertools.islice('abc', 0, 2, 0))
attempt(lambda: itertools.islice('abc', 'x'))
attempt(lambda: list(itertools.islice('abc', None, 2)))
attempt(lambda: itertools.count('a'))
attempt(lambda: itertools.product('ab', repeat=-1))
attempt(lambda: itertools.permutations('abc', -1))
attempt(lambda: itertools.combinations('abc', -2))
attempt(lambda: list(itertools.permutations('abc', 0)))
attempt(lambda: itertools.tee('abc', -1))
attempt(lambda: list(itertools.accumulate([1, 'a'])))
attempt(lambda: list(itertools.starmap(pow, [1])))
it = itertools.chain([1], 5)
print(next(it))
attempt(lambda: next(it))
print(list(itertools.islice(itertools.count(), 3)))
itertools.cycle(5)
