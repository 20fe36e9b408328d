# concatenation, repetition, comparison, hashing
a, b = b'abc', b'abd'
print(a + b, a + bytearray(b'!'), bytearray(b'x') + a, a * 3, 2 * a, a * 0, a * -2)
print(bytearray(b'ab') * 2, 3 * bytearray(b'z'))
print(a == b'abc', a != b, a < b, a <= b, a > b, a >= b, b'' < b'a', b'ab' < b'abc')
print(a == bytearray(b'abc'), bytearray(b'abc') == a, bytearray(b'a') < b'b')
print(a == 'abc', a != 'abc', b'1' == 1)
print(hash(b'abc') == hash(b'abc'), hash(b'') == hash(b''))
d = {b'one': 1, b'two': 2}
d[b'three'] = 3
print(d[b'one'], b'two' in d, sorted(d), len({b'a', b'a', b'b'}))
print(sorted([b'b', b'a', b'ab', b'']), max(b'x', b'xy'))
s = b''
for i in range(3):
    s += bytes([65 + i])
print(s)
for expr, f in [("a + 'x'", lambda: a + 'x'), ("'x' + a", lambda: 'x' + a),
                ("bytearray() + 'x'", lambda: bytearray() + 'x'), ("a * 'x'", lambda: a * 'x'),
                ("a * 1.5", lambda: a * 1.5), ("a < 'b'", lambda: a < 'b'),
                ("a + 1", lambda: a + 1), ("hash(bytearray())", lambda: hash(bytearray())),
                ("{bytearray(): 1}", lambda: {bytearray(): 1}), ("a - a", lambda: a - a)]:
    try:
        print(expr, f())
    except Exception as e:
        print(expr, type(e).__name__, e)
