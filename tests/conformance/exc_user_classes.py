# User-defined exception classes: custom __init__, __str__, args, hierarchy.
class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem
    def __str__(self):
        return f"{self.field}: {self.problem}"
class NotFound(AppError):
    def __init__(self, key):
        self.key = key
class Plain(Exception):
    pass
try:
    raise ValidationError("age", "must be positive")
except AppError as e:
    print(type(e).__name__, str(e), repr(e), e.args, e.field)
try:
    raise NotFound("item-7")
except AppError as e:
    print(type(e).__name__, repr(str(e)), repr(e), e.args, e.key)
for args in [(), ("one",), ("two", 2), (None,), ([1, 2],)]:
    e = Plain(*args)
    print(repr(e), repr(str(e)), e.args)
e = AppError("msg")
e.extra = 5
print(e.extra, isinstance(e, Exception), isinstance(e, AppError), isinstance(e, ValidationError))
print(issubclass(ValidationError, AppError), issubclass(NotFound, Exception), AppError.__mro__[1].__name__)
def risky(n):
    if n == 0:
        raise ValidationError("n", "zero")
    if n < 0:
        raise NotFound(n)
    return n
for n in [1, 0, -1]:
    try:
        print("ok", risky(n))
    except ValidationError as e:
        print("validation", e)
    except AppError as e:
        print("app error", type(e).__name__, e.key)
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
print(repr(WithDefault()), str(WithDefault("x")))
class CodeError(Exception):
    def __init__(self, code):
        self.code = code
        super().__init__(f"error code {code}")
try:
    raise CodeError(404)
except CodeError as e:
    print(e, e.code, e.args)
ex = ValueError("a", "b")
print(str(ex), repr(ex), str(KeyError("k")), str(KeyError("k", "v")), repr(KeyError()), str(KeyError()))
print(str(IndexError()), repr(TypeError("t")), str(Exception(42)), repr(Exception("q'uote")))
errs = [AppError("a"), Plain("p"), ValidationError("f", "p")]
print([type(x).__name__ for x in errs], [str(x) for x in errs])
print("uncaught custom next")
raise ValidationError("email", "missing @")
