# Zero-argument super() errors (no arguments, __class__ cell, obj not an instance),
# {**x} requiring a mapping, and open() without a file.
class A:
    def f(self):
        return super()
def g():
    super()
def h(*a):
    super()
for fn in [g, h]:
    try: fn()
    except RuntimeError as e: print(e)
def m(self): return super().__repr__()
try: m(1)
except RuntimeError as e: print(e)
print({**{'a': 1}, 'b': 2})
class M:
    def keys(self): return ['x']
    def __getitem__(self, k): return 5
print({**M()})
for bad in [[(1, 2)], 5, 'ab']:
    try: print({**bad})
    except TypeError as e: print(e)
def f(**kw): return kw
try: f(**[('a', 1)])
except TypeError as e: print(e)
d = {}; d.update([('a', 1)]); print(d)
d |= [('b', 2)]; print(d)
try: A.f(1)
except TypeError as e: print(e)
class B(A):
    def f(self): return super().f()
print(type(B().f()).__name__)
class C:
    def __init_subclass__(cls, **kw): super().__init_subclass__(**kw); print('sub', cls.__name__)
    @classmethod
    def make(cls): return super().__new__(cls)
class D(C): pass
print(type(D.make()).__name__)
try:
    open()
except TypeError as e:
    print(e)
