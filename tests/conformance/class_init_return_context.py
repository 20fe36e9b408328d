# __init__ returning a value from an except block: the context is the caller's.
class A:
    def __init__(self, x):
        try:
            raise KeyError(x)
        except KeyError:
            return x

for i in range(30):
    try:
        A(i if i % 7 == 0 else None)
    except TypeError as e:
        print(i, e, e.__context__)
try:
    1/0
except ZeroDivisionError:
    try:
        A(5)
    except TypeError as e:
        print(e, repr(e.__context__))
