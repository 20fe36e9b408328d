# shutil: copyfile/copy/copy2/copytree/move/rmtree/copyfileobj/which/get_terminal_size in a private directory under /tmp.
import os, shutil, stat
base = '/tmp/lethe_shutil_%d' % os.getpid()
os.makedirs(base + '/src/sub/deeper')
try:
    def rel(p):
        return os.path.relpath(p, base)
    def tree(top):
        out = []
        for root, dirs, files in os.walk(top):
            for f in sorted(files):
                p = os.path.join(root, f)
                with open(p) as fh:
                    out.append((rel(p), fh.read()))
            dirs.sort()
        return sorted(out)
    for name, text in [('src/a.txt', 'A'), ('src/b.py', 'B'), ('src/sub/c.txt', 'C'), ('src/sub/deeper/d.pyc', 'D')]:
        with open(os.path.join(base, name), 'w') as f:
            f.write(text)
    os.chmod(base + '/src/b.py', 0o751)
    os.utime(base + '/src/b.py', (1000000000, 1200000000))
    print(rel(shutil.copyfile(base + '/src/a.txt', base + '/a_copy.txt')))
    print(rel(shutil.copy(base + '/src/b.py', base)), oct(os.stat(base + '/b.py').st_mode & 0o777))
    print(rel(shutil.copy2(base + '/src/b.py', base + '/b2.py')), os.stat(base + '/b2.py').st_mtime, oct(stat.S_IMODE(os.stat(base + '/b2.py').st_mode)))
    try:
        shutil.copyfile(base + '/src/a.txt', base + '/src/a.txt')
    except shutil.SameFileError as e:
        print('SameFileError', rel(e.args[0].split("'")[1]))
    try:
        shutil.copyfile(base + '/missing', base + '/x')
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno, e.strerror)
    print(rel(shutil.copytree(base + '/src', base + '/dst', ignore=shutil.ignore_patterns('*.pyc'))))
    print(tree(base + '/dst'))
    try:
        shutil.copytree(base + '/src', base + '/dst')
    except FileExistsError as e:
        print('FileExistsError', e.errno)
    shutil.copytree(base + '/src', base + '/dst', dirs_exist_ok=True)
    print(tree(base + '/dst'))
    print(rel(shutil.move(base + '/dst', base + '/moved')), os.path.exists(base + '/dst'))
    print(rel(shutil.move(base + '/a_copy.txt', base + '/moved')))
    print(tree(base + '/moved'))
    shutil.rmtree(base + '/moved')
    print(os.path.exists(base + '/moved'))
    shutil.rmtree(base + '/nothing', ignore_errors=True)
    try:
        shutil.rmtree(base + '/nothing')
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)
    errs = []
    shutil.rmtree(base + '/nothing', onerror=lambda f, p, ei: errs.append((f.__name__, rel(p), ei[0].__name__)))
    print(errs)
    with open(base + '/src/a.txt') as fsrc, open(base + '/obj.txt', 'w') as fdst:
        shutil.copyfileobj(fsrc, fdst)
    print(open(base + '/obj.txt').read())
    print(shutil.which('sh') is not None, shutil.which('definitely-not-a-command-xyz'), rel(shutil.which('b.py', path=base)), rel(shutil.which('b.py', path=base + '/src')), shutil.which('a.txt', path=base + '/src'))
    print(rel(shutil.which('b.py', path=base + ':' + base + '/src')))
    os.environ['COLUMNS'] = '100'
    os.environ['LINES'] = '40'
    print(shutil.get_terminal_size(), shutil.get_terminal_size().columns)
    del os.environ['COLUMNS']
    del os.environ['LINES']
    print(shutil.get_terminal_size((33, 11)))
finally:
    shutil.rmtree(base)
print(os.path.exists(base))
