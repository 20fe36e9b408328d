# %-formatting edge cases: '%' after flags, keyed conversions, what counts as a mapping.
for fmt, args in [('%5%', ()), ('%5%', (1,)), ('%-5%|', (1,)), ('%%', ()), ('%5%%s', (1,)), ('%', ()), ('abc%', ()), ('%(a)%', {'a':1}), ('%(a)s %s', {'a':1}), ('%s %(a)s', {'a':1}), ('%.3%', (1,)), ('%5%', [1]), ('%s', {}), ('%d', {'a': 1}), ('%(a)d %(b)s', {'a': 1, 'b': 'x'}), ('%(a)s', []), ('%s %s', ((1, 2),)), ('%s', ((1, 2),)), ('%r %a', ('é', 'é')), ('%c', (1114112,)), ('%c', (-1,)), ('%x', ('a',)), ('%i', (2.7,)), ('%o', (8.0,)), ('%*d', ('a', 1)), ('%.*f', (2, 3.14159)), ('%-*d|', (4, 7)), ('%y', (1,)), ('%s %s', (1, 2, 3)), ('%(a', {'a': 1}), ('%#5.2x', (255,)), ('%+.1e', (12345.678,)), ('%08.2f', (-3.14159,)), ('% d', (5,)), ('%5s|%-5s|', ('ab', 'cd')), ('%.2s', ('abcdef',)), ('%s', (None,))]:
    try: print(repr(fmt), repr(fmt % args))
    except Exception as e: print(repr(fmt), type(e).__name__, e)


class WithGetitem:
    def __getitem__(self, k):
        return k.upper()


class Plain:
    pass


for fmt, args in [('%(name)s!', WithGetitem()), ('abc', WithGetitem()), ('abc', Plain()),
                  ('%s', Plain.__name__), ('abc', [1, 2]), ('abc', {'a': 1}), ('abc', b'x'),
                  ('abc', 5), ('abc', 'x'), ('%s', [1, 2]), ('%s-%s', [1, 2]), ('%(0)s', range(3)),
                  ('%s %s %(k)s', {'k': 'v'}), ('%%(k)s %(k)s', {'k': 'v'})]:
    try:
        print(repr(fmt), repr(fmt % args))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
