# try/except/else/finally control flow.
def t1(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("except")
        return "err"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally", x)
print(t1(2), t1(0))
def override():
    try:
        return "try"
    finally:
        return "finally"
print(override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(swallow())
def loop_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_finally())
def order():
    log = []
    try:
        try:
            log.append("inner try")
            raise KeyError("k")
        except ValueError:
            log.append("wrong handler")
        finally:
            log.append("inner finally")
    except LookupError as e:
        log.append("outer caught " + repr(e))
    finally:
        log.append("outer finally")
    return log
print(order())
def reraise():
    try:
        try:
            int("x")
        except ValueError:
            print("handling, then re-raising")
            raise
    except ValueError as e:
        print("re-raised:", e)
reraise()
for exc in [ValueError("v"), TypeError("t"), KeyError("k"), IndexError("i")]:
    try:
        raise exc
    except (ValueError, TypeError) as e:
        print("tuple clause", type(e).__name__)
    except LookupError as e:
        print("lookup clause", type(e).__name__, e)
try:
    raise ValueError("bound")
except ValueError as err:
    print("inside", err)
try:
    print(err)
except NameError as e:
    print("NameError:", e)
def finally_value():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("x set to", x)
print(finally_value())
try:
    pass
except Exception:
    print("never")
else:
    print("no exception -> else")
finally:
    print("always")
def nested_return():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(nested_return())
def exc_in_else():
    try:
        pass
    except KeyError:
        print("never")
    else:
        raise RuntimeError("from else")
    finally:
        print("finally after else")
try:
    exc_in_else()
except RuntimeError as e:
    print("caught", e)
try:
    try:
        raise ValueError("first")
    finally:
        print("finally runs during propagation")
except ValueError as e:
    print("outer got", e)
