import math


def f(a, b=2):
    return a + b


print(len.__qualname__, sorted.__qualname__, print.__name__)
print([].append.__name__, [].append.__qualname__, str.upper.__qualname__)
print(dict.fromkeys.__qualname__, int.bit_length.__qualname__, (1).bit_length.__qualname__)
print(math.sqrt.__qualname__, object.__init__.__qualname__)
print(f.__globals__ is globals(), f.__globals__["__name__"])
