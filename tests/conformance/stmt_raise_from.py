# raise, raise ... from, __cause__, __context__, __suppress_context__.
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise ValueError("msg", 2)
except ValueError as e:
    print(repr(e), e.args, str(e))
try:
    try:
        {}["a"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during handling")
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("no context") from None
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError("x") from KeyError("y")
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
e = ValueError("reuse")
for i in range(2):
    try:
        raise e
    except ValueError as caught:
        print(i, caught is e, caught)
def thrower():
    raise IndexError("from function")
try:
    thrower()
except IndexError as e:
    print("caught", e)
try:
    raise TypeError
except TypeError as e:
    print("class raised:", repr(e))
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("a") from 5
except TypeError as e:
    print("TypeError:", e)
def chain():
    try:
        raise KeyError("inner")
    except KeyError:
        try:
            raise ValueError("middle")
        except ValueError:
            raise RuntimeError("outer")
try:
    chain()
except RuntimeError as e:
    c = e
    while c is not None:
        print("chain:", repr(c))
        c = c.__context__
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
