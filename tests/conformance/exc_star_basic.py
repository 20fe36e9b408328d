def show(tag, e):
    print(tag, type(e).__name__, repr(e))

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as e:
    show("V", e)
except* TypeError as e:
    show("T", e)
print("after")

try:
    raise ValueError("naked")
except* ValueError as e:
    show("naked", e)
    print(e.exceptions[0] is not None, e.message == "")

try:
    raise KeyError("k")
except* (KeyError, IndexError) as e:
    show("tuple", e)

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled V")
except ExceptionGroup as g:
    show("rest", g)
    print(repr(g.exceptions))

try:
    try:
        raise TypeError("t")
    except* ValueError:
        print("no")
except TypeError as t:
    show("naked-unmatched", t)

# else and finally
for exc in (None, ValueError(5)):
    try:
        if exc:
            raise exc
    except* ValueError as e:
        print("handler", repr(e))
    else:
        print("else")
    finally:
        print("finally")

# nested groups
try:
    raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
except* ValueError as e:
    show("nested V", e)
except* TypeError as e:
    show("nested T", e)

# handler raising
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("from handler")
except BaseException as g:
    show("combined", g)
    print([repr(x) for x in g.exceptions])
    print(repr(g.exceptions[0].__context__))

# bare raise in handler
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
except BaseException as g:
    show("reraise", g)

# bare raise of everything
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise
except BaseException as g:
    show("reraise-all", g)

# invalid types
for t in (ExceptionGroup, (ValueError, BaseExceptionGroup), int):
    try:
        try:
            raise ValueError(1)
        except* t:
            pass
    except TypeError as te:
        print("TypeError:", te)

# BaseExceptionGroup with KeyboardInterrupt
try:
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(1)])
    except* ValueError as e:
        show("bv", e)
except BaseException as g:
    show("brest", g)

# sys.exc_info in handler
import sys
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* ValueError as e:
    print(sys.exc_info()[1] is e)
print(sys.exc_info())

# name unbound after handler
try:
    raise ValueError(1)
except* ValueError as err:
    pass
try:
    err
except NameError as ne:
    print("NameError", ne)

def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError(9)])
    except* ValueError as e:
        yield repr(e)
print(list(gen()))

# loops inside handlers
try:
    raise ValueError(1)
except* ValueError:
    for i in range(5):
        if i == 2:
            break
        continue
    print("loop", i)

def f():
    try:
        return "body-return"
    except* ValueError:
        pass
    finally:
        print("fin")
print(f())
