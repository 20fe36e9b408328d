# Subclassing Exception: extra attributes, __str__, super().__init__, hierarchies.
class AppError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
try:
    raise NotFound("no such page", 404)
except AppError as e:
    print(type(e).__name__, e, e.args, e.code, isinstance(e, Exception), repr(e))
class Plain(ValueError):
    pass
try:
    int("x")
except ValueError as e:
    try:
        raise Plain("wrapped") from e
    except Plain as p:
        print(p, type(p.__cause__).__name__, p.__cause__.args)
class WithKw(Exception):
    def __init__(self, *args, extra=None):
        super().__init__(*args)
        self.extra = extra
w = WithKw(1, 2, extra="x")
print(w.args, w.extra, str(w), repr(w))
class KeyLike(KeyError):
    pass
try:
    raise KeyLike("k")
except LookupError as e:
    print("caught", repr(e), str(e))
class Multi(AppError, KeyError):
    pass
print([c.__name__ for c in Multi.__mro__])
raise NotFound("final", 500)
