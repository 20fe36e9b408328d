# translate/maketrans/expandtabs/istitle, and int() of bytes
table = bytes.maketrans(b'abc', b'xyz')
print(len(table), table[97:100], b'aabbcc-d'.translate(table), b'abcdef'.translate(None, b'bd'))
print(b'hello'.translate(table, b'l'), bytearray(b'cab').translate(table), bytearray.maketrans(b'a', b'b')[97])
print(b'a\tb\tc'.expandtabs(), b'ab\tc'.expandtabs(4), b'x\n\ty'.expandtabs(2), b'\t'.expandtabs(0))
print(b'Hello World'.istitle(), b'Hello world'.istitle(), b''.istitle(), b'A1 B2'.istitle())
print(int(b'42'), int(b' -7 '), int(bytearray(b'ff'), 16), int(b'0x10', 0), int(b'1_000'))
for f in [lambda: int(b'x'), lambda: int(bytearray(b'1.5')), lambda: int(b'z', 16),
          lambda: b'a'.translate(b'short'), lambda: bytes.maketrans(b'ab', b'c')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
