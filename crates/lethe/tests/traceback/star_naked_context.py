def f():
    try:
        raise ValueError(1)
    except* ValueError as e:
        print(repr(e), e.__traceback__.tb_lineno)
        raise
f()
