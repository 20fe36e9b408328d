import types
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns.c, vars(ns), ns == types.SimpleNamespace(a=1, b="x", c=[1]), ns != types.SimpleNamespace())
del ns.b; print(ns, hasattr(ns, "b"), repr(types.SimpleNamespace()))
class Sub(types.SimpleNamespace): pass
print(Sub(x=1))
def f(): pass
def g(): yield 1
class C:
    def m(self): return self.v
print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType), isinstance(g(), types.GeneratorType), isinstance(C().m, types.MethodType), isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
c = C(); c.v = 42
def getv(self): return self.v * 2
c.double = types.MethodType(getv, c); print(c.double(), c.double.__self__ is c, c.double.__func__ is getv)
m = types.ModuleType("mymod", "doc"); m.x = 5; print(m.__name__, m.x, m.__doc__)
mp = types.MappingProxyType({"k": 1}); print(mp["k"], len(mp), list(mp), "k" in mp, mp.get("z", 0), dict(mp.items()))
try: mp["k"] = 2
except TypeError as e: print(e)
print(type(None) is types.NoneType, types.FunctionType.__name__, types.GeneratorType.__name__)
Dyn = types.new_class("Dyn", (object,), {}, lambda ns: ns.update({"hello": lambda self: "hi"}))
print(Dyn().hello(), Dyn.__name__)
try: types.MethodType(1, c)
except TypeError as e: print(e)
