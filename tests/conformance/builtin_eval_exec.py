# eval/exec on strings: namespaces (caller's, given globals, separate locals),
# __builtins__ insertion, errors raised inside, SyntaxError, type errors.
print(eval('1 + 2 * 3'), eval('  [x * 2 for x in range(3)]'), eval('"a" + "b"'))
x = 10
print(eval('x + 1'), eval('x * y', {'y': 3, 'x': 2}), eval('y', {}, {'y': 5}))
def f():
    z = 7
    return eval('z + x')
print(f())
exec('a = 1\nb = a + 1\ndef g(n):\n    return n * b\n')
print(a, b, g(5))
ns = {}
exec('import math\nr = math.sqrt(16)\nclass K:\n    v = 3\n', ns)
print(ns['r'], ns['K'].v, sorted(k for k in ns if not k.startswith('__')), '__builtins__' in ns)
loc = {}
exec('q = 5', {}, loc)
print(loc)
for bad in ['1 +', 'x = 1', '', 'undefined_name_q']:
    try:
        print(eval(bad))
    except SyntaxError as e:
        print('SyntaxError')
    except NameError as e:
        print('NameError', e)
try:
    exec('raise ValueError("from exec")')
except ValueError as e:
    print('ValueError', e)
try:
    eval(5)
except TypeError as e:
    print('TypeError', e)
try:
    exec('x = 1', [])
except TypeError as e:
    print('TypeError', e)
calc = ['2 + 3', '10 / 4', '2 ** 10', '(1 + 2) * 3', 'abs(-7)', 'max(3, 9, 2)']
print([eval(c) for c in calc])
code = '''
total = 0
for i in range(5):
    total += i
result = total * 2
'''
env = {}
exec(code, env)
print(env['result'], env['total'])
