import os
name = 'tmp_file_modes_%d.txt' % os.getpid()
try:
    with open(name, 'x') as f:
        f.write('created\n')
    try:
        open(name, 'x')
    except FileExistsError as e:
        print('FileExistsError', e.errno, e.strerror, e.filename == name)
    with open(name, 'a') as f:
        print(f.mode, f.write('appended\n'))
    with open(name) as f:
        print(repr(f.read()))
    with open(name, 'r+') as f:
        print(repr(f.read(7)), f.tell())
        f.seek(0)
        f.write('CREATED')
        f.seek(0)
        print(repr(f.readline()))
    with open(name, 'w+') as f:
        print(repr(f.read()))
        f.write('new content\nline2\n')
        print(f.tell(), f.seek(0), repr(f.read()))
        print(f.seek(0, 2), f.seek(0, 1))
    with open(name, 'a+') as f:
        f.write('tail\n')
        f.seek(0)
        print(f.readlines())
    for mode in ['q', 'rw', 'rr', 'rbt', 'b', '+']:
        try:
            open(name, mode)
        except ValueError as e:
            print(repr(mode), 'ValueError', e)
    for kw in [{'encoding': 'utf-8'}, {'errors': 'strict'}, {'newline': ''}]:
        try:
            open(name, 'rb', **kw)
        except ValueError as e:
            print(kw, 'ValueError', e)
    for args in [(3.5,), (name, 'r', 0)]:
        try:
            open(*args)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    try:
        open(name, newline='x')
    except ValueError as e:
        print('ValueError', e)
    try:
        open(name, encoding='nope')
    except LookupError as e:
        print('LookupError', e)
    f = open(name)
    f.close()
    for op in [f.read, f.readline, lambda: f.write('x'), f.tell, lambda: f.seek(0), lambda: next(f)]:
        try:
            op()
        except ValueError as e:
            print('ValueError', e)
    f.close()
    try:
        with open(name) as f:
            f.seek(1, 1)
    except OSError as e:
        print(type(e).__name__, e)
    try:
        with open(name) as f:
            f.seek(-1)
    except ValueError as e:
        print('ValueError', e)
finally:
    os.remove(name)
try:
    os.remove(name)
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror)
try:
    open('.')
except IsADirectoryError as e:
    print('IsADirectoryError', e)
try:
    open('no_such_dir_xyz/file.txt', 'w')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
