# except*: exceptions raised in handlers combined with the unmatched rest
# (CPython's _PyExc_PrepReraiseStar), nesting, generators, hot functions.
import sys


def leaves(e):
    if isinstance(e, BaseExceptionGroup):
        out = []
        for x in e.exceptions:
            out.extend(leaves(x))
        return out
    return [repr(e)]


def run(f):
    try:
        f()
        print("no exception")
    except BaseException as e:
        print(type(e).__name__, repr(e))
        print("  leaves:", leaves(e))
        print("  context:", repr(e.__context__), "cause:", repr(e.__cause__))
        print("  notes:", getattr(e, "__notes__", None))


def raised_and_rest():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("k")


def raised_twice():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k")
    except* TypeError:
        raise IndexError("i")


def reraise_part():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError:
        raise
    except* TypeError:
        pass


def reraise_and_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("in", [TypeError(2), OSError(5)])])
    except* TypeError:
        raise
    except* ValueError as e:
        raise RuntimeError("r") from e


def raise_matched_explicitly():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise e


def naked_handler_raises():
    try:
        raise ValueError("v")
    except* ValueError as e:
        raise TypeError("from handler")


def naked_unmatched():
    try:
        raise OSError("o")
    except* ValueError:
        print("not here")


def naked_reraise():
    try:
        raise ValueError("v")
    except* ValueError:
        raise


def handled_all():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* (ValueError, TypeError) as e:
        print("  handled", repr(e))


def base_group():
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(1)])
    except* ValueError:
        pass


def notes_kept():
    try:
        g = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        g.add_note("a note")
        raise g
    except* ValueError:
        pass


def finally_runs():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("  handler")
    finally:
        print("  finally")


def bad_type():
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass


for f in (raised_and_rest, raised_twice, reraise_part, reraise_and_raise,
          raise_matched_explicitly, naked_handler_raises, naked_unmatched,
          naked_reraise, handled_all, base_group, notes_kept, finally_runs, bad_type):
    print(f.__name__)
    run(f)


def nested():
    try:
        raise ExceptionGroup("a", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        try:
            raise ExceptionGroup("b", [OSError(3), IndexError(4)])
        except* OSError as o:
            print("inner", repr(o), repr(e), repr(sys.exc_info()[1]))
        except* IndexError:
            raise RuntimeError("x")
        print("after inner", repr(sys.exc_info()[1]))

run(nested)


def gen():
    for i in range(3):
        try:
            yield i
            raise ExceptionGroup("g", [ValueError(i), TypeError(i)])
        except* ValueError as e:
            yield repr(e)
        except* TypeError as e:
            yield "T" + repr(e)

print(list(gen()))


def hot(i):
    r = None
    try:
        if i % 3 == 0:
            raise ExceptionGroup("g", [ValueError(i), TypeError(i)])
        elif i % 3 == 1:
            raise ValueError(i)
        r = i
    except* ValueError as e:
        r = -len(e.exceptions)
    except* TypeError:
        r = (r or 0) + 1000
    return r


total = 0
for i in range(3000):
    total += hot(i)
print(total)

# an uncaught group left over by except* (last stderr line is the box's end)
try:
    raise ExceptionGroup("final", [ValueError(1), TypeError(2)])
except* ValueError:
    raise KeyError("last")
