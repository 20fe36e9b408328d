# bytes() and bytearray() from every kind of source
print(bytes(), bytearray())
print(bytes(3), bytearray(2))
print(bytes([65, 66, 67]), bytes((0, 255)), bytes(range(5)))
print(bytes(b'abc'), bytes(bytearray(b'xy')), bytearray(b'q'))
print(bytes('héllo', 'utf-8'), bytes('abc', 'ascii'), bytes('é', 'latin-1'))
print(bytes('é', encoding='utf-8'), bytearray('ab', 'ascii'))
print(bytes('aé', 'ascii', 'ignore'), bytes('aé', 'ascii', errors='replace'))
print(bytes(x * 2 for x in range(4)))
print(bytes({1: 'a', 2: 'b'}))
print(type(bytes()).__name__, type(bytearray()).__name__)
print(isinstance(b'', bytes), isinstance(bytearray(), bytes), isinstance(bytearray(), bytearray))
print(len(bytes(10)), len(b''), len(bytearray(b'abc')))
print(bytes(0) == b'', bytes(bytearray(3)) == b'\x00\x00\x00')
class B:
    def __bytes__(self):
        return b'custom'
print(bytes(B()))
for src in ["bytes(-1)", "bytes('abc')", "bytes(None)", "bytes(1.5)", "bytes([300])",
            "bytearray([300])", "bytes(['a'])", "bytes(3, 'utf-8')", "bytes('a', encoding=1)",
            "bytes('é', 'ascii')", "bytes('x', 'nope')", "bytearray(-5)", "bytes([-1])"]:
    try:
        r = {"bytes(-1)": lambda: bytes(-1), "bytes('abc')": lambda: bytes('abc'),
             "bytes(None)": lambda: bytes(None), "bytes(1.5)": lambda: bytes(1.5),
             "bytes([300])": lambda: bytes([300]), "bytearray([300])": lambda: bytearray([300]),
             "bytes(['a'])": lambda: bytes(['a']), "bytes(3, 'utf-8')": lambda: bytes(3, 'utf-8'),
             "bytes('a', encoding=1)": lambda: bytes('a', encoding=1),
             "bytes('é', 'ascii')": lambda: bytes('é', 'ascii'),
             "bytes('x', 'nope')": lambda: bytes('x', 'nope'),
             "bytearray(-5)": lambda: bytearray(-5), "bytes([-1])": lambda: bytes([-1])}[src]()
        print(src, '->', r)
    except Exception as e:
        print(src, '->', type(e).__name__, e)
