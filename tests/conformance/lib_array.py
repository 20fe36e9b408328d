# array: typecodes, CPython's overflow and type errors per typecode, methods, slicing, operators, bytes round trips, subclassing.
from array import array
import array as array_mod
for tc in 'bBhHiIlLqQ':
    for v in [-2**70, -2**63-1, -2**31-1, -2**15-1, -129, -1, 0, 255, 256, 2**16, 2**32, 2**63, 2**64, 2**70, 1.5, 'a', None, True]:
        try:
            a = array(tc, [v])
            a.append(v)
            a[0] = v
            a.insert(0, v)
            print(tc, repr(v)[:8], a)
        except Exception as e:
            print(tc, repr(v)[:8], type(e).__name__, e)
for tc in 'fd':
    for v in [1, 'a', None, 1e300, -1e300, 2**1100, True, 0.1, 3.4028235e38, float('nan'), -0.0]:
        try:
            print(tc, array(tc, [v]))
        except Exception as e:
            print(tc, repr(v)[:8], type(e).__name__, e)
for v in ['ab', 1, '', 'x', 'é']:
    try:
        print('u', array('u', [v]))
    except Exception as e:
        print('u', repr(v)[:8], type(e).__name__, e)
a = array('i', [1,2,3])
tests = ["a[5]", "a.__setitem__(5, 1)", "a + [1]", "a + array('d')", "a.extend(array('d'))", "a.extend(5)", "a.pop(9)", "array('i').pop()", "a.index(9)", "a.remove(9)", "a.__setitem__(slice(0,1), [1])", "a.__setitem__(slice(0,3,2), array('i',[1,2,3]))", "array('i', 'ab')", "array('x')", "array(1)", "array('ab')", "array('i', b'abc')", "a.frombytes(b'abc')", "a.fromlist((1,))", "a.fromunicode('x')", "a.tounicode()", "hash(a)", "array('u', array('i'))", "array('i', array('u'))", "array(typecode='i')", "array()", "a < [1]", "a * 'x'", "a.__delitem__(7)", "a.insert('x', 1)", "a[1.5]", "array('b', [1]) == array('d', [1.0])", "array('i', [1,2]) < array('i', [1,3])", "list(reversed(a))", "type(iter(a))", "array('u', 'hé')", "array('f',[0.1])", "array('d',[0.1]).tobytes()", "array('h',[1,-2]).tobytes()", "a.itemsize, a.typecode", "array('u','ab').itemsize", "a.count(2)", "a.index(2, 0, 1)", "array('i', range(5))[::2]", "array('i', range(5))[1:3]", "array('i', range(3)) * 2", "3 * array('i', [1])", "array_mod.typecodes", "array('i', [1]).__class__", "array('l', [1]).itemsize", "array('I', [1]).tolist()", "str(array('d', [1.5, 2]))", "a.insert(100, 9) or a", "a.insert(-100, 8) or a", "array('i', (x for x in range(3)))", "a == array('i', list(a))", "array('i',[1]) == [1]", "array('i', [1])[-2]", "bytes(array('i',[1]))",
  "[array(tc).itemsize for tc in array_mod.typecodes]", "array('h', b'\\x01\\x00\\xff\\xff')", "array('u', 'abc').tounicode()", "array('u', 'abc').tobytes()",
  "array('i', [1, 2, 3, 2]).index(2, 2)", "array('i', [1, 2, 3, 2]).index(2, -1)", "array('d', [1, 2])[::-1]", "array('i', range(10))[2:8:3]", "array_mod.ArrayType is array", "array('i') == array('i')", "array('i', [1]) != array('i', [2])", "array('i', [1, 2]) > array('i', [1])", "array('B', b'xyz')", "array('b', bytearray(b'\\x80'))", "2 in array('i', [1, 2])", "array('i', [1]) + array('i', [2, 3])", "list(iter(array('d', [0.5])))", "array('i', [5, 6]).__copy__()", "len(array('Q', [1, 2, 3]))"]
for t in tests:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
b = array('i', [1, 2, 3, 4, 5])
b[1:3] = array('i', [9, 9, 9])
print(b)
del b[::2]
print(b)
b += array('i', [7])
b *= 2
print(b, len(b))
b.reverse(); print(b)
b.byteswap(); print(b)
b.byteswap(); print(b)
c = array('d', [1.5, -2.25])
c.byteswap(); c.byteswap(); print(c)
b.fromlist([10, 11]); print(b.tolist())
e = array('i'); e.frombytes(array('i', [7, 8]).tobytes()); print(e)
print(b.pop(), b.pop(0), b)
b.remove(9); print(b)
import copy
d = copy.deepcopy(b); d[0] = 100; print(b[0] != d[0], d)
class MyArr(array):
    def total(self):
        return sum(self)
m = MyArr('i', [1, 2, 3])
print(m.total(), type(m).__name__, isinstance(m, array), m)
print(array('d', [0.1, 0.25]).tolist(), array('f', [0.1, 0.25]).tolist(), array('f', [1e39]))
a = array('i', [1])
for expr in ["a * 'x'", "'x' * a", "a * 1.5", "[1] * a", "a * [1]", "a * True"]:
    try:
        print(expr, eval(expr))
    except TypeError as e:
        print(expr, 'TypeError:', e)
