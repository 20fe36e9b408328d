# Generator introspection: gi_frame, gi_running, gi_code; function __code__;
# inspect's generator state and predicates.
import inspect
import types


def g(a, b=2):
    x = a + b
    yield x
    y = x * 2
    yield y


it = g(1)
print(it.gi_running, it.gi_code.co_name, it.gi_frame is not None)
print(type(it.gi_frame).__name__, type(it.gi_code).__name__)
print(isinstance(it.gi_frame, types.FrameType), isinstance(it.gi_code, types.CodeType))
print(it.gi_frame.f_lineno, it.gi_frame.f_locals, it.gi_frame.f_code.co_name)
print(inspect.getgeneratorstate(it), inspect.getgeneratorlocals(it))
next(it)
print(it.gi_frame.f_lineno, it.gi_frame.f_locals, inspect.getgeneratorstate(it))
next(it)
print(it.gi_frame.f_lineno, sorted(it.gi_frame.f_locals.items()))
print(list(it), it.gi_frame, it.gi_running, it.gi_code.co_name)
print(inspect.getgeneratorstate(it), inspect.getgeneratorlocals(it))


def look(gen):
    f = gen.gi_frame
    return gen.gi_running, f.f_lineno, sorted(f.f_locals), inspect.getgeneratorstate(gen)


def selfref():
    me = yield
    yield look(me)


s = selfref()
next(s)
print(s.send(s))
s.close()
print(s.gi_frame, inspect.getgeneratorstate(s))

e = g(5)
e.close()
print(e.gi_frame, inspect.getgeneratorstate(e))


def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1


c = counter(3)
for v in c:
    print(v, c.gi_frame.f_lineno, c.gi_frame.f_locals, c.gi_running)
print(c.gi_frame)


def outer():
    n = 5

    def inner(a, *args, k, **kw):
        return n

    return inner


co = outer.__code__
print(co.co_name, co.co_varnames, co.co_cellvars, co.co_argcount, co.co_flags, co.co_nlocals)
co = outer().__code__
print(co.co_name, co.co_qualname, co.co_varnames, co.co_freevars, co.co_argcount,
      co.co_kwonlyargcount, co.co_flags, co.co_nlocals, co.co_firstlineno)
print(g.__code__.co_flags, g.__code__.co_varnames, g.__code__.co_filename == __file__)
print((lambda q: q).__code__.co_name, g.__code__.co_firstlineno)

print(inspect.isgeneratorfunction(g), inspect.isgeneratorfunction(outer))
print(inspect.isgenerator(it), inspect.isgenerator(g), inspect.isfunction(g))
print(inspect.isclass(int), inspect.isclass(3), inspect.ismodule(inspect))
print(inspect.isbuiltin(len), inspect.isroutine(len), inspect.isroutine(g))


class K:
    """  Doc of K.

        Indented line.
    """

    def m(self):
        pass

    @property
    def p(self):
        return 1


print(inspect.ismethod(K().m), inspect.ismethod(K.m), inspect.isfunction(K.m))
print(repr(inspect.getdoc(K)))
print(repr(inspect.cleandoc("  a\n    b\n  c\n\n")))
print([n for n, v in inspect.getmembers(K) if not n.startswith("__")])
print([n for n, v in inspect.getmembers(K, inspect.isfunction)])
print(inspect.getmro(bool) == bool.__mro__, inspect.iscode(g.__code__), inspect.isframe(it))
print(inspect.isdatadescriptor(K.__dict__["p"]), inspect.getmodule(K).__name__)
