import os
name = 'tmp_file_encoding_%d.txt' % os.getpid()
try:
    with open(name, 'w', encoding='latin-1') as f:
        print(f.encoding, f.write('café ÿ\n'))
    with open(name, 'rb') as f:
        print(f.read())
    with open(name, encoding='latin-1') as f:
        print(repr(f.read()))
    try:
        with open(name, encoding='utf-8') as f:
            f.read()
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError:', e)
    with open(name, encoding='utf-8', errors='replace') as f:
        print(repr(f.read()))
    with open(name, encoding='ascii', errors='ignore') as f:
        print(repr(f.read()))
    try:
        with open(name, 'w', encoding='ascii') as f:
            f.write('ok ')
            f.write('naïve')
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError:', e)
    with open(name) as f:
        print(repr(f.read()))
    with open(name, 'w', encoding='ascii', errors='replace') as f:
        f.write('naïve €')
    with open(name) as f:
        print(repr(f.read()))
    try:
        with open(name, 'w') as f:
            f.write(b'bytes')
    except TypeError as e:
        print('TypeError:', e)
    try:
        with open(name, 'wb') as f:
            f.write('text')
    except TypeError as e:
        print('TypeError:', e)
finally:
    os.remove(name)
