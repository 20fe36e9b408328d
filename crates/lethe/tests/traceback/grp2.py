def f(x):
    return 1 / x
def g():
    errs = []
    for x in (0, "a"):
        try:
            f(x)
        except Exception as e:
            errs.append(e)
    raise ExceptionGroup("many", errs)
g()
