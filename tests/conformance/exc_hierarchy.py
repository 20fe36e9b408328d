# Built-in exception hierarchy: catching through base classes.
cases = [
    ("KeyError", lambda: {}["k"]),
    ("IndexError", lambda: [][0]),
    ("ZeroDivisionError", lambda: 1 // 0),
    ("OverflowError", lambda: 2.0 ** 10000),
    ("ValueError", lambda: int("z")),
    ("TypeError", lambda: 1 + "a"),
    ("AttributeError", lambda: (1).nope),
    ("NameError", lambda: undefined_name),
    ("StopIteration", lambda: next(iter([]))),
    ("AssertionError", lambda: exec_assert()),
    ("UnboundLocalError", lambda: unbound()),
    ("RecursionError", lambda: recurse()),
    ("NotImplementedError", lambda: not_impl()),
]
def exec_assert():
    assert False
def unbound():
    x += 1
    return x
def recurse():
    return recurse()
def not_impl():
    raise NotImplementedError
for name, fn in cases:
    try:
        fn()
    except Exception as e:
        bases = [c.__name__ for c in type(e).__mro__]
        print(name, type(e).__name__ == name, bases)
for name, fn in cases[:4]:
    try:
        fn()
    except LookupError as e:
        print("LookupError caught", type(e).__name__)
    except ArithmeticError as e:
        print("ArithmeticError caught", type(e).__name__)
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(OverflowError, ArithmeticError), issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError))
print(issubclass(NotImplementedError, RuntimeError), issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception))
print(issubclass(SystemExit, BaseException), issubclass(SystemExit, Exception), issubclass(StopIteration, Exception))
print(issubclass(GeneratorExit, Exception), issubclass(ModuleNotFoundError, ImportError), issubclass(FileNotFoundError, OSError))
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError), issubclass(UnicodeError, ValueError))
print(issubclass(bool, int), issubclass(LookupError, Exception), issubclass(ArithmeticError, ValueError))
try:
    try:
        [].pop()
    except KeyError:
        print("wrong")
except IndexError as e:
    print("outer IndexError:", e)
try:
    raise KeyError("x")
except (TypeError, LookupError) as e:
    print("tuple with base:", repr(e))
try:
    raise ZeroDivisionError("custom message")
except ArithmeticError as e:
    print(type(e).__name__, e)
try:
    raise BaseException("base")
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException:", e)
