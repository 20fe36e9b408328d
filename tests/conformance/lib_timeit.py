# timeit: timeit/repeat/Timer/autorange with string and callable statements, globals, errors (times are only checked to be positive).
import timeit
t = timeit.timeit('x = sum(range(100))', number=1000)
print(type(t).__name__, t > 0)
r = timeit.repeat('[i * 2 for i in range(n)]', setup='n = 50', repeat=3, number=100)
print(len(r), all(x > 0 for x in r))
def f():
    return sorted([3, 1, 2])
print(timeit.timeit(f, number=10) > 0)
tm = timeit.Timer('y = a + b', globals={'a': 1, 'b': 2})
n, total = tm.autorange()
print(n >= 1, total > 0)
count = 0
def counter():
    global count
    count += 1
timeit.timeit(counter, number=7)
print(count, timeit.default_timer() > 0, timeit.default_number)
try:
    timeit.Timer(stmt=5)
except ValueError as e:
    print('ValueError:', e)
try:
    timeit.timeit('undefined_name', number=1)
except NameError as e:
    print('NameError:', e)
print(callable(timeit.main))
