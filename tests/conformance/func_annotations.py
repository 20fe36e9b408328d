# Function annotations: evaluated at def time in order, stored in __annotations__;
# functions without annotations get an empty dict; module and class annotations.
order = []


def note(x):
    order.append(x)
    return x


def f(a: note('a'), b: note('b') = note('default b'), *args: note('args'),
      c: note('c'), d=1, **kw: note('kw')) -> note('return'):
    pass


print(order)
print(f.__annotations__)


def g(x, y=2):
    return x + y


print(g.__annotations__, g.__annotations__ is g.__annotations__)
g.__annotations__['x'] = int
print(g.__annotations__)
print((lambda q: q).__annotations__)


def h(x: int, y: 'str', z: list[int] = None) -> dict:
    return {}


print(h.__annotations__['x'], h.__annotations__['y'], h.__annotations__['return'])
print(sorted(h.__annotations__))


class Account:
    owner: str
    balance: float = 0.0
    __secret: int = 1

    def deposit(self, amount: float, *, note: str = '') -> 'Account':
        return self

    def __private(self, __x: int) -> None:
        pass


print(Account.__annotations__)
print(Account.deposit.__annotations__)
print(Account._Account__private.__annotations__)


def deco(fn):
    print('decorating', fn.__name__, fn.__annotations__)
    return fn


@deco
def decorated(n: int) -> int:
    return n


x: int = 5
y: 'forward'
print(__annotations__)
try:
    def bad(v: undefined_name):
        pass
except NameError as e:
    print('NameError', e)


def typed_sum(values: list, start: int = 0) -> int:
    total = start
    for v in values:
        total += v
    return total


print(typed_sum([1, 2, 3], 10), typed_sum.__annotations__)
