# Augmented assignment to local variables: the left operand is read before the
# right side is evaluated, even when the right side rebinds the name.
def walrus():
    x = 10
    x += (x := 5)
    print("walrus", x)
    y = [1]
    y += (y := [2, 3])
    print("walrus list", y)


def inplace_list():
    a = [1, 2]
    b = a
    a += [3]
    print(a, b, a is b)
    t = (1, 2)
    u = t
    t += (3,)
    print(t, u, t is u)


def counters(n):
    i = 0
    total = 0
    s = ""
    while i < n:
        total += i * i
        total -= i // 3
        s += str(i % 10)
        i += 1
    return total, s


def unbound():
    try:
        z += 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    z = 0


def calls():
    k = 3
    k += abs(-4) + len([k])
    k *= max(k, 2)
    print("calls", k)


walrus()
inplace_list()
print(counters(25))
for _ in range(300):
    r = counters(40)
print(r)
unbound()
calls()
