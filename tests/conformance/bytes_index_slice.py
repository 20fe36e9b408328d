b = b'hello world'
print(b[0], b[-1], b[4], type(b[0]).__name__)
print(b[1:4], b[:5], b[6:], b[::2], b[::-1], b[-5:-1], b[100:], b[3:1])
print(list(b[:3]), tuple(b'ab'), [x for x in b'xyz'])
print(104 in b, 0 in b, b'wor' in b, b'' in b, b'xyz' in b, bytearray(b'lo') in b)
print(max(b), min(b), sum(b'\x01\x02\x03'), sorted(b'cab'))
for i, c in enumerate(b'ab'):
    print(i, c, chr(c))
it = iter(b'12')
print(next(it), next(it), next(it, 'end'))
ba = bytearray(b'abcdef')
print(ba[0], ba[-1], ba[1:3], ba[::-2], list(ba), 99 in ba, b'cd' in ba)
print(b[slice(2, 5)], ba[slice(None, None, 3)])
print(len(b[2:]), bool(b''), bool(b'\x00'), bool(bytearray()))
for expr, f in [("b[20]", lambda: b[20]), ("b[-20]", lambda: b[-20]), ("ba[10]", lambda: ba[10]),
                ("b[1.0]", lambda: b[1.0]), ("ba[None]", lambda: ba[None]),
                ("'x' in b", lambda: 'x' in b), ("300 in b", lambda: 300 in b),
                ("-1 in ba", lambda: -1 in ba), ("None in b", lambda: None in b)]:
    try:
        print(expr, f())
    except Exception as e:
        print(expr, type(e).__name__, e)
