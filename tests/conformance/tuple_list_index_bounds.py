t = (1, 2, 1, 3, 1)
print(t.index(1, 1), t.index(1, -2), t.index(3, 0, 4), t.index(1, True), t.index(1, 2, 10**30), t.index(1, -10**30))
for args in [(1, 3, 4), (2, 2), (1, None), (1, 1.5), (9,)]:
    try: print(t.index(*args))
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
l = list(t)
for args in [(1, 1), (1, None), (1, 0, None), (3, 0, 3), (1, 5), (1, "a")]:
    try: print(l.index(*args))
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
class I:
    def __index__(self): return 2
print(l.index(1, I()), t.index(1, I()))
