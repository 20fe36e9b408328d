import os
name = 'tmp_file_text_rw_%d.txt' % os.getpid()
try:
    f = open(name, 'w')
    print(type(f).__name__, f.name == name, f.mode, f.encoding, f.closed)
    print(f.write('first line\n'), f.write('second\n'), f.write(''))
    f.writelines(['third\n', 'fourth'])
    print(f.writable(), f.readable(), f.seekable())
    f.close()
    print(f.closed)
    f = open(name)
    print(repr(f.read()))
    f.close()
    with open(name) as f:
        print(repr(f.readline()), repr(f.readline()), repr(f.read(3)), repr(f.readline()), repr(f.readline()), repr(f.readline()))
    with open(name, 'r') as f:
        print(f.readlines())
    with open(name) as f:
        for i, line in enumerate(f):
            print(i, repr(line), repr(line.rstrip('\n')))
    with open(name) as f:
        print([len(l) for l in f], f.closed)
    print(f.closed)
    with open(name, 'rt') as f:
        print(f.mode, f.read(0), repr(f.readline(3)), repr(f.readline(100)))
    with open(name, encoding='utf-8') as f:
        print(f.encoding, len(f.read()))
    with open(name, 'w') as f:
        print(f.write('héllo wörld\n€ sign\n'))
    with open(name) as f:
        print(f.read())
    with open(name, 'rb') as f:
        print(f.read())
    print(os.path.getsize(name))
finally:
    os.remove(name)
print(os.path.exists(name))
