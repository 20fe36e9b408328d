# exec/eval with dict namespaces: separate globals and locals, functions and classes
# defined in the namespace, imports, errors.
ns = {}
exec("x = 1\ndef f(a):\n    return a + x\ny = f(2)\nclass K:\n    z = 3\n", ns)
print(sorted(k for k in ns if k != '__builtins__'), ns['y'], ns['K'].z, ns['f'](10))
g = {'a': 5}
l = {}
exec("b = a * 2", g, l)
print(l, 'b' in g)
print(eval("a + 1", g), eval("a + b", g, l), eval("[i * a for i in range(3)]", g))
exec("import math\nr = math.sqrt(16)", ns)
print(ns['r'])
code = "total = 0\nfor i in range(5):\n    total += i\n"
d = {}
exec(code, d)
print(d['total'])
exec("global gg\ngg = 7")
print(gg)
exec("print(__name__)", {})
exec("print(__name__)", {'__name__': 'custom'})
try:
    exec("1/0", {})
except ZeroDivisionError as e:
    print('caught', e)
try:
    exec("def broken(:\n  pass")
except SyntaxError as e:
    print('syntax', type(e).__name__, e.filename, e.lineno)
d2 = {}
exec("def gen():\n    yield from range(3)\nv = list(gen())", d2)
print(d2['v'])
print(eval("x", {"x": 3}), eval("lambda: y", {"y": 4})())
exec("nonlocal_test = [w for w in 'ab']", d2)
print(d2['nonlocal_test'])
g2 = {'n': 3}
l2 = {'m': 4}
exec("m = m + n\nk = [m, m]", g2, l2)
print(sorted(l2), l2['m'], l2['k'], sorted(k for k in g2 if k != '__builtins__'))
exec("undefined_name", {})
