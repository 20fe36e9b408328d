import inspect, functools, dataclasses, typing
from inspect import Parameter, Signature
@dataclasses.dataclass
class P:
    x: int
    y: float = 0.0
    tags: list = dataclasses.field(default_factory=list)
print(inspect.signature(P))
class NT(typing.NamedTuple):
    a: int
    b: str = 'z'
print(inspect.signature(NT))
class Callme:
    def __call__(self, a, *, b=1): pass
print(inspect.signature(Callme()))
class K:
    @staticmethod
    def s(a, b): pass
    @classmethod
    def c(cls, a): pass
    def __new__(cls, q, r=3): return super().__new__(cls)
print(inspect.signature(K.s), inspect.signature(K.c), inspect.signature(K))
class Empty: pass
print(inspect.signature(Empty))
print(inspect.signature(functools.partial(lambda a, b, c=3: 0, 1, c=5)))
def deco(f):
    @functools.wraps(f)
    def inner(*a, **k): return f(*a, **k)
    return inner
@deco
def target(p: 'List[int]', q: typing.Optional[int] = None) -> typing.List[str]: pass
print(inspect.signature(target), inspect.signature(target, follow_wrapped=False))
try: inspect.signature(42)
except TypeError as e: print(e)
try: Parameter('1x', Parameter.POSITIONAL_ONLY)
except ValueError as e: print(e)
try: Parameter('a', Parameter.VAR_POSITIONAL, default=1)
except ValueError as e: print(e)
try: Signature([Parameter('a', Parameter.KEYWORD_ONLY), Parameter('b', Parameter.POSITIONAL_ONLY)])
except ValueError as e: print(e)
try: Signature([Parameter('a', Parameter.POSITIONAL_ONLY, default=1), Parameter('b', Parameter.POSITIONAL_ONLY)])
except ValueError as e: print(e)
s = Signature([Parameter('a', Parameter.POSITIONAL_ONLY), Parameter('b', Parameter.KEYWORD_ONLY, default=2, annotation=int)], return_annotation=list)
print(s, repr(s))
def fn(a, b, /, c, *, d): pass
sig = inspect.signature(fn)
for args, kw in [((1,2,3), {'d':4}), ((1,), {}), ((1,2,3,4), {}), ((1,2), {'c':3, 'd':4, 'e':5}), ((1,), {'b':2})]:
    try:
        ba = sig.bind(*args, **kw); print(ba, ba.args, ba.kwargs)
    except TypeError as e: print('TypeError', e)
print(sig.bind_partial(1))
print(Parameter.POSITIONAL_ONLY, repr(Parameter.KEYWORD_ONLY), Parameter.KEYWORD_ONLY.description, int(Parameter.VAR_KEYWORD))
print(inspect.getfullargspec(fn))
p = sig.parameters['c']
print(p.replace(default=9), p.replace(name='zz', kind=Parameter.KEYWORD_ONLY), p == sig.parameters['c'], hash(p) == hash(p.replace()))
print(sig.replace(return_annotation=int))
def gen(): yield
print(inspect.signature(gen), inspect.signature(lambda: 0))
def ann(a: dict[str, int], b: 'x' = 1, *c: int, **d: typing.Any) -> 'P': pass
print(inspect.signature(ann))
print(str(inspect.signature(P.__init__)))
import inspect
def f(a, b=2, *args, c, d=4, **kw) -> int: pass
print(hasattr(inspect, 'signature'))
sig = inspect.signature(f)
print(sig, sig.parameters, list(sig.parameters))
for p in sig.parameters.values():
    print(p.name, p.kind, p.default, p.annotation, p)
print(sig.return_annotation)
def g(x: int, /, y: str = 'a') -> None: pass
print(inspect.signature(g))
class C:
    def __init__(self, x, y=1): pass
    def m(self, z): pass
print(inspect.signature(C), inspect.signature(C.m), inspect.signature(C(1).m))
print(inspect.signature(lambda *a, **k: 0))
ba = sig.bind(1, c=3)
print(ba.arguments, ba.args, ba.kwargs)
ba.apply_defaults(); print(ba.arguments)
try: sig.bind()
except TypeError as e: print(e)
print(inspect.isfunction(f), inspect.isclass(C), inspect.ismethod(C(1).m), inspect.isgeneratorfunction(f))
print(inspect.getdoc(C), inspect.Parameter.empty, inspect.Signature.empty)
print(repr(inspect.Parameter('x', inspect.Parameter.KEYWORD_ONLY, default=3)))
print(inspect.signature(f).replace(return_annotation=inspect.Signature.empty))
print(str(inspect.signature(max)) if False else '')
import functools
@functools.wraps(f)
def w(*a, **k): pass
print(inspect.signature(w))
print(inspect.signature(functools.partial(f, 1)))
from collections import namedtuple
Pt = namedtuple('Pt', 'x y', defaults=[5])
print(inspect.signature(Pt), Pt.__new__.__qualname__, Pt.__new__.__defaults__, Pt.__new__.__doc__)
print(Pt._replace.__qualname__, Pt.__repr__.__qualname__, Pt.__module__)
print(inspect.signature(namedtuple('One', 'a')), inspect.signature(namedtuple('Zero', '')))
class WithSig:
    def __call__(self, *a): pass
WithSig.__signature__ = inspect.Signature([inspect.Parameter('q', inspect.Parameter.POSITIONAL_ONLY)])
print(inspect.signature(WithSig))
