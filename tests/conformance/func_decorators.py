# Decorators: plain, with arguments, stacked, class-based, on methods.
log = []
def trace(fn):
    def wrapper(*args, **kwargs):
        log.append("call " + fn.__name__ + str(args))
        result = fn(*args, **kwargs)
        log.append("ret " + repr(result))
        return result
    wrapper.__name__ = fn.__name__
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(2, 3), add.__name__)
print(log)
def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
def bold(fn):
    return lambda: "<b>" + fn() + "</b>"
def italic(fn):
    return lambda: "<i>" + fn() + "</i>"
@bold
@italic
def text():
    return "t"
print(text())
@italic
@bold
def text2():
    return "t"
print(text2())
order = []
def mark(name):
    order.append("factory " + name)
    def deco(fn):
        order.append("apply " + name)
        return fn
    return deco
@mark("outer")
@mark("inner")
def marked():
    pass
print(order)
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)
@CountCalls
def square(x):
    return x * x
print(square(3), square(4), square.calls)
registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def alpha():
    return "A"
@register
def beta():
    return "B"
print(sorted(registry), registry["beta"]())
def method_deco(fn):
    def wrapper(self, *a):
        return "decorated(" + str(fn(self, *a)) + ")"
    return wrapper
class K:
    def __init__(self, v):
        self.v = v
    @method_deco
    def get(self):
        return self.v
print(K(5).get())
def deco_returns_other(fn):
    return 42
@deco_returns_other
def replaced():
    pass
print(replaced)
def with_state(fn):
    def w():
        w.n += 1
        return fn() + w.n
    w.n = 0
    return w
@with_state
def base():
    return 100
print(base(), base(), base())
