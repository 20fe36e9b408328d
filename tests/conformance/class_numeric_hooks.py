# __floor__/__ceil__/__trunc__/__round__, three-argument pow with __pow__, __len__
# checks in truth tests, bound-method equality and hashing, slice-assignment and
# format-spec error messages.
import math


class Num:
    def __init__(self, v):
        self.v = v

    def __floor__(self):
        return ('floor', self.v)

    def __ceil__(self):
        return ('ceil', self.v)

    def __trunc__(self):
        return ('trunc', self.v)

    def __round__(self, n=None):
        return ('round', self.v, n)

    def __pow__(self, e, m=None):
        return ('pow', self.v, e, m)

    def __rpow__(self, b):
        return ('rpow', b, self.v)

    def __abs__(self):
        return ('abs', self.v)


n = Num(2.5)
print(math.floor(n), math.ceil(n), math.trunc(n), round(n), round(n, 1), abs(n))
print(pow(n, 3), pow(n, 3, 7), n ** 2, 2 ** n, pow(2, n))
print(math.floor(True), math.ceil(False), math.trunc(-7), math.floor(-2.5), math.ceil(-2.5))
print(math.trunc(3.99), math.trunc(-3.99), type(math.floor(5.0)).__name__)
for bad in [lambda: math.trunc('x'), lambda: math.floor('x'), lambda: pow(2.0, 3, 5),
            lambda: pow(n, 2, 0) and pow(3, 2, 0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)


class BadLen:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


for v in [0, 3, -1, 'x', 2.0, True]:
    b = BadLen(v)
    for f in (bool, len):
        try:
            print(f.__name__, repr(v), f(b))
        except Exception as e:
            print(f.__name__, repr(v), type(e).__name__, e)
    try:
        print('if', repr(v), 'yes' if b else 'no')
    except Exception as e:
        print('if', repr(v), type(e).__name__, e)


class Obj:
    def method(self):
        return 1


o, p = Obj(), Obj()
print(o.method == o.method, o.method != o.method, o.method == p.method, o.method is o.method)
print(hash(o.method) == hash(o.method), len({o.method, o.method, p.method}))
d = {o.method: 'o'}
print(d[o.method], o.method in d, p.method in d)
print([1, 2].append == [1, 2].append)
print(Obj.method == Obj.method, o.method.__func__ is Obj.method)


def slice_assign(target, key, value):
    try:
        target[key] = value
        return target
    except Exception as e:
        return f'{type(e).__name__}: {e}'


print(slice_assign([1, 2, 3], slice(1, 2), 5))
print(slice_assign([1, 2, 3], slice(None, None, 2), 5))
print(slice_assign([1, 2, 3], slice(None, None, 2), [1]))
print(slice_assign([1, 2, 3], slice(0, 2), 'ab'))
print(slice_assign([1, 2, 3], slice(None, None, -1), (7, 8, 9)))
print(slice_assign([1, 2, 3], slice(1, 1), range(3)))
print(slice_assign([1, 2, 3], slice(1, 2), None))

for value, spec in [(1, '%Y'), ('s', 'd'), (1.5, 'Y'), (True, 'q'), (10 ** 30, 'z'), ('x', '=5'),
                    (3, ',s'), (2.5, 'xx'), (None, '>5'), ([], 'x'), (1, '.2d')]:
    try:
        print(repr(value), repr(spec), repr(format(value, spec)))
    except Exception as e:
        print(repr(value), repr(spec), type(e).__name__, e)
