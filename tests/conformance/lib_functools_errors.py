import functools

def attempt(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: functools.reduce(lambda a, b: a + b, []))
attempt(lambda: functools.reduce(lambda a, b: a + b, 5))
attempt(lambda: functools.partial(5))
attempt(lambda: functools.partial(int, 'z')())
attempt(lambda: functools.lru_cache('x'))

@functools.lru_cache(maxsize=3)
def f(x):
    return x

attempt(lambda: f([1]))
class E:
    pass

attempt(lambda: functools.total_ordering(E))
functools.reduce(lambda a, b: a / b, [1, 0])
