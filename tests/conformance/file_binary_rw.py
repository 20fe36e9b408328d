import os
name = 'tmp_file_binary_rw_%d.bin' % os.getpid()
try:
    with open(name, 'wb') as f:
        print(type(f).__name__, f.mode)
        print(f.write(b'\x00\x01\x02binary\n'), f.write(bytearray(b'more\n')), f.write(bytes(range(250, 256))))
    with open(name, 'rb') as f:
        print(type(f).__name__, f.mode)
        data = f.read()
    print(data, len(data))
    with open(name, 'rb') as f:
        print(f.read(3), f.tell(), f.readline(), f.readline(), f.read(2), f.read(), f.read())
        print(f.seek(0), f.read(1), f.seek(-2, 2), f.read(), f.seek(3), f.seek(2, 1), f.read(3))
    with open(name, 'rb') as f:
        print(f.readlines())
    with open(name, 'rb') as f:
        print([len(x) for x in f])
    with open(name, 'ab') as f:
        print(type(f).__name__, f.mode, f.write(b'!'))
    with open(name, 'r+b') as f:
        print(type(f).__name__, f.mode, f.read(2))
        f.seek(0)
        f.write(b'XY')
        f.seek(0, 2)
        print(f.tell())
        f.truncate(8)
    with open(name, 'rb') as f:
        print(f.read())
    with open(name, 'wb+') as f:
        f.write(b'abc')
        f.seek(0)
        print(f.mode, f.read())
finally:
    os.remove(name)
