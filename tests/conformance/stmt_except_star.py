def t1():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError("k")])
    except* ValueError as eg:
        print("VE", repr(eg), eg.exceptions)
    except* TypeError as eg:
        print("TE", repr(eg))
    except* KeyError:
        print("KE")
    print("after t1")
t1()
def t2():
    try:
        raise ValueError("naked")
    except* ValueError as eg:
        print("naked caught", repr(eg), repr(eg.exceptions[0]))
    try:
        try:
            raise TypeError("naked2")
        except* ValueError:
            print("no")
    except TypeError as e:
        print("re-raised naked", repr(e))
t2()
def t3():
    try:
        try:
            raise ExceptionGroup("outer", [ValueError(1), TypeError(2), ExceptionGroup("inner", [KeyError(3), ValueError(4)])])
        except* ValueError as eg:
            print("got", repr(eg))
    except ExceptionGroup as rest:
        print("rest", repr(rest))
t3()
def t4():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
        except* ValueError:
            raise RuntimeError("from handler")
    except ExceptionGroup as eg:
        print("combined", repr(eg), [type(x).__name__ for x in eg.exceptions])
t4()
def t5():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
        except* ValueError:
            raise
    except ExceptionGroup as eg:
        print("reraised", repr(eg))
t5()
def t6():
    for i in range(2):
        try:
            raise ExceptionGroup("g", [OSError(i)])
        except* OSError as e:
            print("loop", i, repr(e))
        else:
            print("no")
        finally:
            print("finally", i)
t6()
try:
    try:
        raise ExceptionGroup("x", [ZeroDivisionError()])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)
try:
    raise ExceptionGroup("g", [ValueError(1)])
except* (TypeError, ValueError) as e:
    print("tuple", repr(e))
import sys
try:
    raise ExceptionGroup("g", [ValueError(1)])
except* ValueError:
    print(repr(sys.exc_info()[1]))
def t7():
    try:
        pass
    except* ValueError:
        print("no")
    else:
        print("else ran")
t7()
def t8():
    # a handler that completes hides its part; the rest propagates unchanged
    try:
        try:
            raise ExceptionGroup("many", [KeyError("a"), IndexError(0), KeyError("b")])
        except* LookupError as eg:
            print("lookup", [type(x).__name__ for x in eg.exceptions])
            raise
    except ExceptionGroup as eg:
        print("outer", repr(eg))
t8()
def t9():
    log = []
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1), TypeError(2), OSError(3)])
        except* ValueError:
            log.append("v")
        except* TypeError:
            log.append("t")
            raise KeyError("new")
        finally:
            log.append("fin")
    except BaseExceptionGroup as eg:
        log.append(repr(eg))
    print(log)
t9()
