from collections import namedtuple

def attempt(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)

P = namedtuple('P', 'x y')
attempt(lambda: P(1))
attempt(lambda: P())
attempt(lambda: namedtuple('Q', 'a b c')())
attempt(lambda: P(1, 2, 3))
attempt(lambda: P(1, y=2, z=3))
attempt(lambda: P(1, x=2))
attempt(lambda: P(1, 2)._replace(z=1))
attempt(lambda: P._make([1]))
attempt(lambda: namedtuple('Bad', '1x'))
attempt(lambda: namedtuple('Bad', 'a class'))
attempt(lambda: namedtuple('Bad', 'a _b'))
attempt(lambda: namedtuple('Bad', 'a a'))
attempt(lambda: namedtuple('1Bad', 'a'))
attempt(lambda: namedtuple('T', 'a', defaults=[1, 2]))
p = P(1, 2)
attempt(lambda: p[2])

def setx():
    p.x = 5
attempt(setx)
p.z = 3
