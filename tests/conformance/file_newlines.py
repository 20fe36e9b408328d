import os
name = 'tmp_file_newlines_%d.txt' % os.getpid()
try:
    with open(name, 'wb') as f:
        f.write(b'unix\nwindows\r\nmac\rlast')
    with open(name) as f:
        print(repr(f.read()))
    with open(name) as f:
        print(f.readlines())
    with open(name, newline='') as f:
        print(f.readlines())
    with open(name, newline='\n') as f:
        print(f.readlines())
    with open(name, newline='\r\n') as f:
        print(f.readlines())
    with open(name, newline='\r') as f:
        print(f.readlines())
    with open(name, 'w', newline='\r\n') as f:
        f.write('a\nb\n')
    with open(name, 'rb') as f:
        print(f.read())
    with open(name, 'w', newline='') as f:
        f.write('c\r\nd\n')
    with open(name, 'rb') as f:
        print(f.read())
    with open(name, 'w') as f:
        f.write('e\nf\r\n')
    with open(name, 'rb') as f:
        print(f.read())
    with open(name) as f:
        print(repr(f.read()))
finally:
    os.remove(name)
