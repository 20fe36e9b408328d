def f(i):
    try:
        if i % 3 == 0:
            raise ExceptionGroup("g", [ValueError(i), TypeError(i)])
        elif i % 3 == 1:
            raise ValueError(i)
        r = i
    except* ValueError as e:
        r = -len(e.exceptions)
    except* TypeError:
        pass
    return r

total = 0
for i in range(3000):
    try:
        r = f(i)
    except* TypeError as t:
        r = 100
    total += r if r is not None else 0
print(total)

def nested():
    try:
        raise ExceptionGroup("a", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        try:
            raise ExceptionGroup("b", [OSError(3), IndexError(4)])
        except* OSError as o:
            print("inner", repr(o), repr(e))
        except* IndexError:
            raise RuntimeError("x")
try:
    nested()
except Exception as g:
    print(repr(g), [repr(x) for x in g.exceptions])
    print(repr(g.exceptions[0].exceptions[0].__context__))
