# functools: singledispatchmethod, lru_cache/cache statistics, nested partial, update_wrapper
# on a callable class, cached_property, WRAPPER_ASSIGNMENTS with __annotations__
import functools
class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
try:
    class Sub(Base, color="red"): pass
except TypeError as e:
    print(e)
try:
    class Sub2(object, x=1): pass
except TypeError as e:
    print(e)
class Calc:
    @functools.singledispatchmethod
    def neg(self, arg): raise NotImplementedError(type(arg).__name__)
    @neg.register
    def _(self, arg: int): return -arg
    @neg.register
    def _(self, arg: bool): return not arg
    @neg.register(list)
    def _(self, arg): return [self.neg(a) for a in arg]
c = Calc()
print(c.neg(5), c.neg(True), c.neg([1, 2]))
try:
    c.neg("x")
except NotImplementedError as e:
    print("NIE", e)
@functools.lru_cache(maxsize=2)
def sq(x):
    print("compute", x)
    return x * x
for v in [1, 2, 1, 3, 1, 2]: sq(v)
print(sq.cache_info()); sq.cache_clear(); print(sq.cache_info())
@functools.cache
def f(n): return n
f(1); f(1); f(2)
print(f.cache_info())
p = functools.partial(functools.partial(max, 1), 2, key=abs)
print(p(-3), p.args, p.keywords, p.func)
print(repr(functools.partial(int, "10", base=2))[:30])
class Timer:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn; self.calls = 0
    def __call__(self, *a, **k):
        self.calls += 1
        return self.fn(*a, **k)
@Timer
def hello(name):
    "Say hello"
    return f"hi {name}"
print(hello("x"), hello.calls, hello.__name__, hello.__doc__, hello.__wrapped__.__name__)
print(functools.reduce(lambda acc, x: acc * 10 + x, [1, 2, 3], 0))
@functools.lru_cache
def fibo(n): return n if n < 2 else fibo(n - 1) + fibo(n - 2)
print(fibo(100), fibo.cache_info().hits)
key = functools.cmp_to_key(lambda a, b: len(a) - len(b))
print(sorted(["ccc", "a", "bb"], key=key))
class Pt:
    def __init__(self, x): self.x = x
    @functools.cached_property
    def sq(self):
        print("computing sq"); return self.x ** 2
p = Pt(3); print(p.sq, p.sq); del p.sq; print(p.sq)
print(functools.WRAPPER_ASSIGNMENTS)
def annotated(a: int, b: "str" = "x") -> list: return [a, b]
@functools.wraps(annotated)
def wrapper(*args, **kw): return annotated(*args, **kw)
print(wrapper.__annotations__, wrapper(1), wrapper.__name__)
@functools.wraps(len)
def wl(x): return len(x)
print(wl.__name__, wl("abc"), wl.__annotations__)
class CallableNoAnn:
    def __call__(self): return 1
@functools.wraps(CallableNoAnn())
def w2(): pass
print(w2.__name__, w2.__annotations__)
