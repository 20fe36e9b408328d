# repr/str/print/f-strings of bytes and bytearray
vals = [b'', b'abc', b"it's", b'say "hi"', b'both \' and "', b'\x00\x01\x7f\x80\xff',
        b'\t\n\r\\', b'\x0b\x0c', bytes(range(30, 40))]
for v in vals:
    print(repr(v), str(v), v)
    print(repr(bytearray(v)))
print(f'{b"x"}', f'{b"x"!r}', f'{b"x"!s:>8}|', f'{bytearray(b"q")}')
print('%s %r' % (b'a', b'b'))
print('{} {!r}'.format(b'c', bytearray(b'd')))
print([b'a', bytearray(b'b')], (b'x',), {b'k': b'v'})
print(format(b'abc', ''), format(b'ab', '>6'))
print(ascii(b'\xff'), ascii(bytearray(b'a')))
print(str(b'abc', 'ascii'), str(bytearray(b'xy'), encoding='utf-8'), str(b'\xe9', 'latin-1'))
