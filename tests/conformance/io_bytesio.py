import io
b = io.BytesIO(b'hello\nworld\nend')
print(b.read(3), b.tell(), b.readline(), b.readline(), b.read(), b.read(), b.tell())
print(b.getvalue(), b.seek(0), b.read(5), b.seek(-3, 2), b.read(), b.seek(1, 0), b.seek(2, 1), b.read(2))
print(b.seek(0), b.readlines())
b.seek(0)
print([line for line in b])
w = io.BytesIO()
print(w.write(b'abc'), w.write(bytearray(b'de')), w.write(b''), w.getvalue(), w.tell())
w.seek(1)
w.write(b'XY')
print(w.getvalue())
w.seek(10)
w.write(b'!')
print(w.getvalue(), len(w.getvalue()))
print(w.truncate(3), w.getvalue(), w.tell())
w.writelines([b'1', b'2'])
print(w.getvalue())
with io.BytesIO(b'ctx') as c:
    print(c.read(), c.readable(), c.writable(), c.seekable(), c.closed)
print(c.closed)
print(io.BytesIO().read(), io.BytesIO(bytearray(b'ba')).read(1), io.BytesIO(b'a\nb').readline(1))
tests = [("write str", lambda: io.BytesIO().write('x')), ("init str", lambda: io.BytesIO('x')),
         ("read closed", lambda: c.read()), ("getvalue closed", lambda: c.getvalue()),
         ("neg seek", lambda: io.BytesIO().seek(-1))]
for name, f in tests:
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
