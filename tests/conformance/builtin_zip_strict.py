# zip(strict=True), min/max keyword checks, divmod dispatch and messages.

def attempt(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


attempt('equal', lambda: list(zip('ab', 'cd', strict=True)))
attempt('three equal', lambda: list(zip([1, 2], (3, 4), range(2), strict=True)))
attempt('empty', lambda: list(zip(strict=True)))
attempt('strict false', lambda: list(zip('ab', 'abc', strict=False)))
for args in [('ab', 'abc'), ('abc', 'ab'), ('ab', 'ab', 'a'), ('a', 'ab', 'ab'),
             ('', 'a'), ('a', ''), ('ab', 'ab', 'ab', 'abc'), ('abc', 'abc', 'ab', 'abc')]:
    attempt('strict %r' % (args,), lambda: list(zip(*args, strict=True)))
attempt('bad kw', lambda: zip('a', foo=1))


def gen(n):
    for i in range(n):
        print('  gen yields', i)
        yield i


attempt('partial consumption', lambda: list(zip(gen(3), gen(2), strict=True)))
z = zip([1, 2, 3], 'ab', strict=True)
print(next(z), next(z))
try:
    next(z)
except ValueError as e:
    print('third next:', e)
print(list(z))

for m in (max, min):
    attempt(m.__name__ + ' default multi', lambda: m(1, 2, default=3))
    attempt(m.__name__ + ' default empty', lambda: m([], default='none'))
    attempt(m.__name__ + ' default unused', lambda: m([5, 7], default=0))
    attempt(m.__name__ + ' bad kw', lambda: m([1], foo=1))
    attempt(m.__name__ + ' key', lambda: m(['bb', 'a', 'ccc'], key=len))
    attempt(m.__name__ + ' key None', lambda: m([3, 1, 2], key=None))
    attempt(m.__name__ + ' empty', lambda: m([]))
    attempt(m.__name__ + ' none', lambda: m())


class N:
    def __init__(self, v):
        self.v = v

    def __divmod__(self, o):
        return ('divmod', self.v, o)

    def __rdivmod__(self, o):
        return ('rdivmod', self.v, o)


class MyInt(int):
    pass


attempt('divmod user', lambda: divmod(N(1), 2))
attempt('rdivmod user', lambda: divmod(2, N(3)))
attempt('divmod int subclass', lambda: divmod(MyInt(7), 2))
attempt('divmod bool', lambda: divmod(True, 2))
attempt('divmod float', lambda: divmod(7.5, MyInt(2)))
attempt('divmod neg', lambda: divmod(-7, 2))
attempt('divmod big', lambda: divmod(-10 ** 20, 7))
attempt('divmod zero', lambda: divmod(1, 0))
attempt('divmod fzero', lambda: divmod(1.0, 0))
for a, b in [('a', 1), (1, 'a'), (None, None), ([], 2), (1.5, 'x')]:
    attempt('divmod %r %r' % (a, b), lambda: divmod(a, b))
