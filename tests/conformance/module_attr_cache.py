import math
def f(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(i)
    return t
print(f(2000))
math.sqrt = lambda x: 1.0
print(f(2000))
del math.sqrt
try:
    f(1)
except AttributeError as e:
    print(e)
