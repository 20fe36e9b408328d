print(b'\x00\x0f\xff'.hex(), b''.hex(), bytearray(b'AB').hex())
print(b'abcdef'.hex(':'), b'abcdef'.hex('-', 2), b'abcdef'.hex('-', -2), b'abcde'.hex(' ', 2), b'abcde'.hex(' ', -2))
print(b'abc'.hex(b'|'), b'abcd'.hex('.', 4), b'ab'.hex('.', 10))
print(bytes.fromhex('deadbeef'), bytes.fromhex('DE AD  be ef'), bytes.fromhex(''), bytes.fromhex('  0a'))
print(bytearray.fromhex('00ff'), type(bytearray.fromhex('')).__name__)
print(bytes.fromhex(b'\x01\x02'.hex()) == b'\x01\x02')
for s in ['zz', 'a', 'abc', '0g', 'ab c', '0a\n0b', 'é0']:
    try:
        print(repr(s), bytes.fromhex(s))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
for expr, f in [("hex sep len", lambda: b'ab'.hex('::')), ("fromhex int", lambda: bytes.fromhex(12)),
                ("hex sep int", lambda: b'ab'.hex(1))]:
    try:
        print(expr, f())
    except Exception as e:
        print(expr, type(e).__name__, e)
