ba = bytearray(b'hello')
ba.append(33)
print(ba)
ba.extend(b' world')
ba.extend([1, 2])
ba.extend(bytearray(b'!'))
ba.extend(x for x in range(65, 68))
print(ba, len(ba))
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.insert(0, 72)
ba.insert(100, 90)
ba.insert(-1, 89)
ba.insert(-100, 65)
print(ba)
ba.remove(108)
print(ba)
c = ba.copy()
c.reverse()
print(c, ba == c, ba is c)
c.clear()
print(c, len(c), bool(c))
x = bytearray(b'ab')
y = x
x += b'cd'
print(x, y, x is y)
x *= 2
print(x, y is x)
x += bytearray(b'!')
print(x)
for expr, f in [("append 256", lambda: ba.append(256)), ("append str", lambda: ba.append('a')),
                ("append -1", lambda: ba.append(-1)), ("extend int", lambda: ba.extend(5)),
                ("extend str", lambda: ba.extend('ab')), ("extend bad item", lambda: ba.extend([1, 'x'])),
                ("pop empty", lambda: bytearray().pop()), ("pop range", lambda: bytearray(b'a').pop(5)),
                ("remove missing", lambda: bytearray(b'a').remove(98)),
                ("insert 300", lambda: ba.insert(0, 300)), ("bytes append", lambda: b'x'.append(1))]:
    try:
        print(expr, f())
    except Exception as e:
        print(expr, type(e).__name__, e)
def iadd_str():
    z = bytearray(b'z')
    z += 'x'
try:
    iadd_str()
except TypeError as e:
    print('iadd', e)
