# global and nonlocal.
counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc(); inc()
print(counter)
def make_global():
    global created_later
    created_later = "created"
make_global()
print(created_later)
x = "global x"
def shadow():
    x = "local x"
    return x
print(shadow(), x)
def outer():
    n = 0
    def inner():
        nonlocal n
        n += 1
        return n
    inner(); inner()
    return n, inner
val, fn = outer()
print(val, fn(), fn())
def outer2():
    a = 1
    def mid():
        a = 2
        def inner():
            nonlocal a
            a = 3
        inner()
        return a
    return mid(), a
print(outer2())
def read_global():
    return counter * 10
print(read_global())
def unbound():
    try:
        print(counter)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    counter = 5
unbound()
def nested_global():
    def inner():
        global counter
        counter = 100
    inner()
nested_global()
print(counter)
def acc():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
a1 = acc()
a2 = acc()
print(a1(1), a1(2), a2(10), a1(3))
def counter_pair():
    c = 0
    def up():
        nonlocal c
        c += 1
        return c
    def down():
        nonlocal c
        c -= 1
        return c
    return up, down
up, down = counter_pair()
print(up(), up(), down(), up())
