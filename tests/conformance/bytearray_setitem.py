ba = bytearray(b'0123456789')
ba[0] = 65
ba[-1] = 90
print(ba)
ba[1:3] = b'xy'
print(ba)
ba[3:5] = b''
print(ba)
ba[0:0] = b'<<'
print(ba)
ba[2:4] = [97, 98, 99, 100]
print(ba)
ba[::2] = b'ABCDEFG'[:len(ba[::2])]
print(ba)
del ba[0]
print(ba)
del ba[-1]
del ba[1:3]
print(ba)
del ba[::2]
print(ba)
ba[len(ba):] = b'end'
print(ba, len(ba))
ba[:] = bytearray(b'reset')
print(ba)
ba.__setitem__(0, 82)
ba.__delitem__(1)
print(ba, ba.__len__(), ba.__getitem__(0), ba.__contains__(b'R'))
tests = [
    ("set 300", lambda: ba.__setitem__(0, 300)),
    ("set str", lambda: ba.__setitem__(0, 'a')),
    ("set range", lambda: ba.__setitem__(50, 1)),
    ("del range", lambda: ba.__delitem__(50)),
    ("slice str", lambda: ba.__setitem__(slice(0, 2), 'xy')),
    ("slice int", lambda: ba.__setitem__(slice(0, 2), 5)),
    ("ext slice size", lambda: ba.__setitem__(slice(None, None, 2), b'x')),
    ("key str", lambda: ba.__setitem__('a', 1)),
]
for name, f in tests:
    try:
        f()
        print(name, 'ok', ba)
    except Exception as e:
        print(name, type(e).__name__, e)
b = b'immutable'
try:
    b[0] = 1
except TypeError as e:
    print(e)
try:
    del b[0]
except TypeError as e:
    print(e)
