# match statements in functions, closures, class bodies, generators and loops;
# namedtuple class patterns; subject evaluated once; bindings after a match.
from collections import namedtuple

Pt = namedtuple('Pt', 'x y')


def describe(p):
    match p:
        case Pt(0, 0):
            return 'origin'
        case Pt(x, 0):
            return f'on x at {x}'
        case Pt(x=0, y=y):
            return f'on y at {y}'
        case Pt(x, y):
            return f'at {x},{y}'
    return 'not a Pt'


print([describe(p) for p in [Pt(0, 0), Pt(3, 0), Pt(0, -2), Pt(1, 1), (1, 1)]])
print(Pt.__match_args__)

calls = []


def subject():
    calls.append('eval')
    return [1, 2, 3]


match subject():
    case [a]:
        print('one')
    case [a, b]:
        print('two')
    case [a, b, c]:
        print('three', a, b, c)
print(calls, a, b, c)


def make_counter():
    counts = {}

    def feed(event):
        match event:
            case ('click', x, y):
                key = 'click'
            case ('key', ch) if ch.isalpha():
                key = 'alpha'
            case ('key', _):
                key = 'other key'
            case _:
                key = 'unknown'
        counts[key] = counts.get(key, 0) + 1
        return counts
    return feed


feed = make_counter()
for ev in [('click', 1, 2), ('key', 'a'), ('key', '1'), ('scroll',), ('click', 0, 0)]:
    feed(ev)
print(sorted(feed(None).items()))


class Config:
    mode = 'debug'
    match mode:
        case 'debug':
            level = 10
        case 'release':
            level = 0
    flags = []
    for item in ['-v', '-q', '--x']:
        match item:
            case '-v':
                flags.append('verbose')
            case '-q':
                flags.append('quiet')
            case other:
                flags.append('unknown ' + other)


print(Config.level, Config.flags)


def tokens(text):
    for word in text.split():
        match word:
            case '+' | '-' | '*' | '/':
                yield ('op', word)
            case w if w.isdigit():
                yield ('num', int(w))
            case w:
                yield ('name', w)


print(list(tokens('x = 3 + 41 * y')))


def evaluate(expr):
    match expr:
        case ('num', n):
            return n
        case ('add', left, right):
            return evaluate(left) + evaluate(right)
        case ('mul', left, right):
            return evaluate(left) * evaluate(right)
        case ('neg', inner):
            return -evaluate(inner)
        case _:
            raise ValueError(f'bad expression: {expr!r}')


tree = ('add', ('num', 2), ('mul', ('num', 3), ('neg', ('num', 4))))
print(evaluate(tree))
try:
    evaluate(('pow', 1, 2))
except ValueError as e:
    print(e)


def json_kind(v):
    match v:
        case {'id': int(i), 'tags': [*tags]} if tags:
            return f'tagged #{i} {tags}'
        case {'id': int(i)}:
            return f'item #{i}'
        case [{'id': _}, *_] as items:
            return f'{len(items)} items'
        case str() | bytes():
            return 'text'
        case bool(b):
            return f'bool {b}'
        case int(n) | float(n):
            return f'number {n}'
    return 'other'


for v in [{'id': 1, 'tags': ['a', 'b']}, {'id': 2, 'tags': []}, {'id': 3}, [{'id': 1}, {'id': 2}],
          'abc', b'x', True, 3, 2.5, None, {'id': 'x'}]:
    print(repr(v), '->', json_kind(v))

total = 0
for n in range(10):
    match n % 3, n % 2:
        case 0, 0:
            total += 100
        case 0, _:
            total += 10
        case _, 0:
            continue
        case _:
            if n > 7:
                break
            total += 1
print('total', total)


class Shape:
    pass


class Circle(Shape):
    __match_args__ = ('r',)

    def __init__(self, r):
        self.r = r


class Rect(Shape):
    __match_args__ = ('w', 'h')

    def __init__(self, w, h):
        self.w, self.h = w, h


def area(s):
    match s:
        case Circle(r):
            return round(3.14159 * r * r, 2)
        case Rect(w, h) if w == h:
            return f'square {w * h}'
        case Rect(w, h):
            return w * h
        case Shape():
            return 'unknown shape'


print([area(s) for s in [Circle(1), Rect(2, 2), Rect(2, 3), Shape(), 5]])
