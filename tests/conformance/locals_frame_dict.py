# locals() in a function: one dict per frame (CPython 3.11's f_locals), brought
# up to date with the variables each time locals() is called.
def f(a, b=2):
    x = 1
    d = locals()
    print(sorted(d.items()))
    y = 3
    d2 = locals()
    print(d is d2, sorted(k for k in d if k != 'd'))
    del x
    locals()
    print(sorted(k for k in d if k not in ('d', 'd2')))
    return d


r = f(1)
print(sorted(r))
print(f(5) is r)


def g():
    z = 5

    def inner():
        return z
    print(sorted(locals()))
    return inner


g()


def gen():
    a = 1
    yield sorted(locals())
    b = 2
    yield sorted(locals())


print(list(gen()))


class C:
    q = 1
    print(sorted(k for k in locals() if not k.startswith('__')))


def h(n):
    t = n * 2
    return locals()


for i in range(500):
    h(i)
print(h(7))


def snapshot():
    items = []
    for i in range(3):
        items.append(dict(locals()))
    return [sorted(d) for d in items]


print(snapshot())
print(locals() is globals())
