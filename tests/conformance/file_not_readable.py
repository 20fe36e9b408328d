import io
import os
name = 'tmp_file_not_readable_%d.txt' % os.getpid()
try:
    with open(name, 'w') as f:
        f.write('data')
        try:
            f.read()
        except io.UnsupportedOperation as e:
            print('caught:', e, isinstance(e, OSError), isinstance(e, ValueError))
    with open(name, 'rb') as f:
        try:
            f.write(b'x')
        except io.UnsupportedOperation as e:
            print('caught:', e)
    with open(name, 'wb') as f:
        try:
            f.read()
        except io.UnsupportedOperation as e:
            print('caught:', e)
    with open(name) as f:
        try:
            f.write('x')
        except io.UnsupportedOperation as e:
            print('caught:', e)
    with open(name, 'w') as f:
        f.read()
finally:
    os.remove(name)
