# Uncaught exception raised from another: last stderr line is the final exception.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {s!r}") from e
print(parse("12"))
print(parse("x1"))
