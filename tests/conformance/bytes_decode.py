data = 'héllo wörld €'.encode()
print(data, len(data), data.decode(), data.decode('utf-8'), data.decode('UTF8'))
print(b'abc'.decode('ascii'), b'\xe9t\xe9'.decode('latin-1'), b'\xe9'.decode('iso-8859-1'))
bad = b'ok\xff\xfeend\xc3'
for errors in ['ignore', 'replace', 'backslashreplace']:
    print(errors, repr(bad.decode('utf-8', errors)), repr(bad.decode('ascii', errors)))
print(repr(b'\xe2\x82x'.decode('utf-8', 'replace')), repr(b'\xf0\x9f\x98'.decode(errors='replace')))
print(bytearray('ü'.encode()).decode(), str(b'\xc3\xbc', 'utf-8'))
cases = [b'\xff', b'\xc3', b'\xc3\x28', b'a\xe2\x82', b'\xe2\x82x', b'\xf0\x9f\x98', b'\xed\xa0\x80',
         b'\xc0\x80', b'\xf5', b'abc\x80def', b'\xf4\x90\x80\x80']
for c in cases:
    try:
        print(c, c.decode())
    except UnicodeDecodeError as e:
        print(c, 'UnicodeDecodeError:', e)
for c in [b'caf\xe9', b'\x80abc']:
    try:
        print(c.decode('ascii'))
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError:', e)
    except UnicodeError as e:
        print('other', e)
try:
    b'x'.decode('nope')
except LookupError as e:
    print('LookupError:', e)
try:
    b'\xff'.decode('utf-8', 'nope')
except LookupError as e:
    print('LookupError:', e)
print(b'ok'.decode('utf-8', 'nope'))
print(isinstance(UnicodeDecodeError('x', b'', 0, 1, 'r'), ValueError) if False else issubclass(UnicodeDecodeError, ValueError))
