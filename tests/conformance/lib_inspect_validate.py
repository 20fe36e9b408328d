# inspect.signature in a validating decorator, a registry and a describer.
import inspect, functools, typing
def validate(fn):
    sig = inspect.signature(fn)
    hints = typing.get_type_hints(fn)
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        for name, value in bound.arguments.items():
            t = hints.get(name)
            if t is not None and isinstance(t, type) and not isinstance(value, t):
                raise TypeError(f'{name} must be {t.__name__}, got {type(value).__name__}')
        return fn(*bound.args, **bound.kwargs)
    return wrapper
@validate
def transfer(src: str, dst: str, amount: float = 0.0, *, note: str = '') -> str:
    return f'{src}->{dst}:{amount}{note}'
print(transfer('a', 'b', 2.5), transfer('a', dst='c', note='!'), inspect.signature(transfer))
try: transfer('a', 5)
except TypeError as e: print(e)
try: transfer('a')
except TypeError as e: print(e)
class Registry:
    handlers = {}
    @classmethod
    def register(cls, fn):
        params = list(inspect.signature(fn).parameters)
        cls.handlers[fn.__name__] = params
        return fn
@Registry.register
def on_event(event, payload=None, *extra, **opts): pass
print(Registry.handlers)
def describe(obj):
    out = []
    for name, member in inspect.getmembers(obj):
        if name.startswith('_'): continue
        if inspect.isfunction(member) or inspect.ismethod(member):
            out.append(f'{name}{inspect.signature(member)}')
    return out
class Svc:
    def get(self, key: str, default=None): ...
    @classmethod
    def create(cls, **cfg): ...
    @staticmethod
    def version() -> str: ...
print(describe(Svc), describe(Svc()))
print([p.kind.name for p in inspect.signature(on_event).parameters.values()], inspect.Parameter.empty is inspect._empty)
