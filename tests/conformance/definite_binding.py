# A local is read without a check only where it is bound on every path: a name bound
# in a branch, a loop body, a try/with body, an except clause or a match case is
# checked after it (and an assignment expression inside and/or/if-else binds nothing
# for certain).
def f1():
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        print(e)
    except NameError as x:
        print(type(x).__name__, x)

def f2(a):
    try:
        pass
    except ValueError as e:
        pass
    try:
        print(e)
    except NameError as x:
        print(type(x).__name__, x)

def f3(n):
    for i in range(n):
        y = i
    try:
        print(y, i)
    except NameError as x:
        print(type(x).__name__, x)

def f4(a):
    match a:
        case [p, q]:
            r = p + q
        case {"k": r}:
            pass
        case _:
            pass
    try:
        print(r)
    except NameError as x:
        print(type(x).__name__, x)

def f6(a):
    while a:
        z = 1
        a -= 1
        if a == 1:
            continue
        print(z)
    try:
        print(z)
    except NameError as x:
        print(type(x).__name__, x)

def f7(a):
    from contextlib import suppress
    with suppress(ZeroDivisionError):
        w = 1 / a
    try:
        print(w)
    except NameError as x:
        print(type(x).__name__, x)

def f8(a):
    if a:
        v = 1
        print(v)
    else:
        print("else")
    try:
        print(v)
    except NameError as x:
        print(type(x).__name__, x)

def f9(a):
    try:
        u = 1 / a
    finally:
        try:
            print(u)
        except NameError as x:
            print(type(x).__name__, x)

f1(); f2(0); f3(0); f3(2); f4([1, 2]); f4({"k": 5}); f4(0); f6(3); f6(0); f7(0); f7(2); f8(0); f8(1)
try:
    f9(0)
except ZeroDivisionError:
    print("zde")
f9(1)
def fw(a):
    a and (x := 1)
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
def g(a):
    y = (z := 5) if a else 0
    try:
        print(z)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
def h(a):
    b = a or (w := 3)
    try:
        print(w)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
fw(0); fw(1); g(0); g(1); h(1); h(0)
