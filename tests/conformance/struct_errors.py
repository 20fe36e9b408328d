import struct
tests = [
    ("calcsize bad char", lambda: struct.calcsize('z')),
    ("std n", lambda: struct.calcsize('<n')),
    ("count alone", lambda: struct.pack('12', 1)),
    ("not int", lambda: struct.pack('i', 'x')),
    ("float for int", lambda: struct.pack('i', 1.5)),
    ("byte range", lambda: struct.pack('b', 200)),
    ("ubyte range", lambda: struct.pack('B', 300)),
    ("ubyte neg", lambda: struct.pack('<B', -1)),
    ("short range", lambda: struct.pack('h', 70000)),
    ("ushort range", lambda: struct.pack('H', -1)),
    ("std short", lambda: struct.pack('<h', 70000)),
    ("std ushort", lambda: struct.pack('>H', 70000)),
    ("int range", lambda: struct.pack('i', 2**40)),
    ("int range neg", lambda: struct.pack('<i', -2**31 - 1)),
    ("uint neg", lambda: struct.pack('I', -1)),
    ("uint big", lambda: struct.pack('I', 2**32)),
    ("std uint big", lambda: struct.pack('<I', 2**32)),
    ("std long", lambda: struct.pack('<l', 2**40)),
    ("std ulong neg", lambda: struct.pack('<L', -1)),
    ("q big", lambda: struct.pack('q', 2**64)),
    ("Q neg", lambda: struct.pack('Q', -1)),
    ("too few", lambda: struct.pack('i')),
    ("too many", lambda: struct.pack('i', 1, 2)),
    ("repeat too few", lambda: struct.pack('2i', 1)),
    ("unpack size", lambda: struct.unpack('i', b'ab')),
    ("unpack long", lambda: struct.unpack('<h', b'abc')),
    ("char len", lambda: struct.pack('c', b'ab')),
    ("char int", lambda: struct.pack('c', 65)),
    ("s str", lambda: struct.pack('s', 'x')),
    ("f str", lambda: struct.pack('f', 'x')),
    ("f overflow std", lambda: struct.pack('<f', 1e300)),
    ("iter_unpack size", lambda: list(struct.iter_unpack('i', b'abc'))),
    ("unpack_from short", lambda: struct.unpack_from('<i', b'\x00\x01\x02', 1)),
    ("fmt int", lambda: struct.pack(5, 1)),
    ("unpack str", lambda: struct.unpack('i', 'abcd')),
]
for name, f in tests:
    try:
        print(name, f())
    except struct.error as e:
        print(name, 'struct.error:', e)
    except Exception as e:
        print(name, type(e).__name__ + ':', e)
print(issubclass(struct.error, Exception), struct.error.__name__)
