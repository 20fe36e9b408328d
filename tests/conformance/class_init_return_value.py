# __init__ returning something other than None: TypeError raised at the call.
class A:
    def __init__(self, x):
        try:
            return x
        except TypeError:
            print("wrongly caught")
        finally:
            if x is not None:
                print("finally", x)

class B(A):
    pass

print(type(A(None)).__name__)
try:
    A(3)
except TypeError as e:
    print("caught", e)
try:
    1 / 0
except ZeroDivisionError:
    try:
        B("s")
    except TypeError as e:
        print(e, type(e.__context__).__name__)
for i in range(300):
    try:
        A(i if i % 7 == 0 else None)
    except TypeError as e:
        if i % 70 == 0: print(i, e)
print(list(map(B, [None, None]))[0].__class__.__name__)
try:
    list(map(B, [None, 1.5]))
except TypeError as e:
    print(e)

def make():
    return B([])

make()
