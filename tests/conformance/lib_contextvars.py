# contextvars: ContextVar get/set/reset and tokens, copy_context, Context.run and the mapping view, errors.
import contextvars
from contextvars import ContextVar, copy_context, Context, Token
var = ContextVar('var', default=1)
other = ContextVar('other')
print(var.name, var.get(), other.get('fallback'))
try:
    other.get()
except LookupError as e:
    print('LookupError', type(e.args[0]).__name__, e.args[0] is other)
t = var.set(2)
print(var.get(), t.var is var, t.old_value, t.old_value is Token.MISSING)
ctx = copy_context()
t2 = var.set(3)
print(var.get(), ctx[var], ctx.get(other, 'nope'), var in ctx, other in ctx, len(ctx))
var.reset(t2)
print(var.get())
try:
    var.reset(t2)
except RuntimeError as e:
    print('RuntimeError', 'has already been used once' in str(e))
try:
    other.reset(t)
except ValueError as e:
    print('ValueError', 'was created by a different ContextVar' in str(e))
def inside(x):
    var.set(x)
    other.set('in')
    return var.get(), other.get()
print(ctx.run(inside, 10), var.get(), other.get('unset'), ctx[var], ctx[other])
try:
    ctx.run(ctx.run, print)
except RuntimeError as e:
    print('RuntimeError', 'is already entered' in str(e))
def reset_elsewhere(token):
    try:
        var.reset(token)
    except ValueError as e:
        return 'ValueError ' + str('was created in a different Context' in str(e))
tok = var.set(5)
print(copy_context().run(reset_elsewhere, tok))
print(sorted(v.name for v in ctx), sorted(ctx.values(), key=str), len(list(ctx.items())))
empty = Context()
print(len(empty), empty.run(lambda: var.get()))
print(repr(Token.MISSING), ContextVar[int], Token[int] if hasattr(Token, '__class_getitem__') else None)
try:
    class Sub(ContextVar):
        pass
except TypeError as e:
    print('TypeError', e)
try:
    ctx['x']
except TypeError as e:
    print('TypeError', e)
try:
    ContextVar(5)
except TypeError as e:
    print('TypeError', e)
print(type(copy_context()).__module__, ContextVar.__module__)
