# Errors of with/for/unpacking/generators/class creation/imports/raise.
import contextlib
class NoExit:
    def __enter__(self): return 1
tests = []
def t1():
    with 5: pass
def t2():
    with NoExit(): pass
def t3():
    for x in 5: pass
def t4():
    a, b = 1
def t5():
    x = [1, 2]; x[1.5]
def t6():
    def g(): yield 1
    gen = g(); next(gen); gen.send(1); gen.send(2)
def t7():
    def g(): yield 1
    g().send(5)
def t8():
    @contextlib.contextmanager
    def cm(): yield 1; yield 2
    with cm(): pass
def t9():
    def g():
        yield 1
    x = g(); next(x); x.throw(ValueError)
def t10():
    yield_from = None
    def g(): return (yield from [1, 2])
    print(list(g()))
def t11():
    class A:
        def __init__(self): return 5
    A()
def t12():
    class A:
        __slots__ = ('x',)
        x = 5
def t13():
    class A(int, str): pass
def t14():
    class M(type): pass
    class N(type): pass
    class A(metaclass=M): pass
    class B(metaclass=N): pass
    class C(A, B): pass
def t15():
    super()
def t16():
    class A:
        def f(self): return super().f()
    A().f()
def t17():
    import nonexistent_mod_xyz
def t18_unused():
    from math import nothing_here
def t19():
    del undefined_thing
def t20():
    x: int
    print(x)
def t21():
    raise 5
def t22():
    raise ValueError from 5
def t23():
    try: raise KeyError('a')
    except (KeyError) as e: raise
def t24():
    f = lambda: (yield)
    print(type(f()).__name__)
def t25():
    print(*5)
def t26():
    print(**{1: 2})
def t27():
    def f(**kw): pass
    f(**{'a': 1}, a=2)
def t28():
    list.append()
for i, t in enumerate([t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t19, t20, t21, t22, t23, t24, t25, t26, t27, t28], 1):
    try: t()
    except BaseException as e: print(i, type(e).__name__, e)
