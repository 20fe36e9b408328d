# Raising a caught exception again keeps its traceback (entries accumulate).

def inner():
    raise ValueError('x')
def mid():
    try:
        inner()
    except ValueError as e:
        raise e
def loop():
    err = None
    for i in range(3):
        try:
            if err: raise err
            inner()
        except ValueError as e:
            err = e
    return err
e = loop()
n = 0
tb = e.__traceback__
while tb:
    n += 1
    tb = tb.tb_next
print(n)
try:
    mid()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)
mid()
