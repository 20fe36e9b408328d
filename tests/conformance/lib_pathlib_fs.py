# pathlib and os: files and directories through Path (read/write, mkdir, iterdir, glob, rename, symlinks, stat, chmod, utime, scandir) in a private directory under /tmp.
import os
from pathlib import Path
base = Path('/tmp') / ('lethe_pathlib_%d' % os.getpid())
base.mkdir()
try:
    print(base.exists(), base.is_dir(), base.is_file(), type(base).__name__)
    f = base / 'hello.txt'
    print(f.write_text('hello\nworld\n'), f.read_text(), f.exists(), f.is_file(), f.stat().st_size)
    print(f.write_bytes(b'\x00\x01bin'), f.read_bytes())
    with f.open('w') as fh:
        fh.write('via open\n')
    with f.open() as fh:
        print(repr(fh.read()))
    (base / 'sub' / 'deeper').mkdir(parents=True)
    (base / 'sub' / 'a.py').write_text('x = 1\n')
    (base / 'sub' / 'b.py').write_text('y = 2\n')
    (base / 'sub' / 'deeper' / 'c.py').write_text('')
    (base / 'sub' / 'notes.md').touch()
    print(sorted(p.name for p in base.iterdir()))
    print(sorted(str(p.relative_to(base)) for p in base.glob('*')))
    print(sorted(str(p.relative_to(base)) for p in base.glob('sub/*.py')))
    print(sorted(str(p.relative_to(base)) for p in base.glob('**/*.py')))
    print(sorted(str(p.relative_to(base)) for p in base.rglob('*.py')))
    print(sorted(str(p.relative_to(base)) for p in base.glob('**')))
    print(sorted(str(p.relative_to(base)) for p in base.glob('sub/?.py')))
    print(sorted(str(p.relative_to(base)) for p in base.glob('sub/[ab].*')))
    try:
        (base / 'sub').mkdir()
    except FileExistsError as e:
        print('FileExistsError', e.errno, e.strerror, e.filename == str(base / 'sub'))
    (base / 'sub').mkdir(exist_ok=True)
    try:
        (base / 'missing' / 'x').mkdir()
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno, e.strerror)
    try:
        (base / 'nope.txt').read_text()
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno, e.strerror)
    g = f.rename(base / 'renamed.txt')
    print(g.name, f.exists(), g.exists())
    g.unlink()
    g.unlink(missing_ok=True)
    try:
        g.unlink()
    except FileNotFoundError as e:
        print('unlink FileNotFoundError')
    print(Path('.').resolve() == Path.cwd(), Path('x/../y').absolute().is_absolute())
    print((base / 'sub' / '..' / 'sub').resolve() == (base / 'sub').resolve())
    link = base / 'link'
    link.symlink_to(base / 'sub')
    print(link.is_symlink(), link.is_dir(), (base / 'sub').is_symlink(), link.readlink() == base / 'sub')
    print(link.resolve() == (base / 'sub').resolve())
    st = (base / 'sub' / 'a.py').stat()
    import stat
    print(stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), st.st_size, stat.filemode(st.st_mode)[0])
    print(Path.home() == Path(os.path.expanduser('~')), Path('~/x').expanduser() == Path.home() / 'x')
    print(os.path.exists(base / 'sub'), os.path.join(base, 'q').endswith('/q'), os.path.isdir(base / 'sub'))
    print(sorted(e.name for e in os.scandir(base / 'sub')))
    with os.scandir(base / 'sub') as it:
        print(sorted((e.name, e.is_dir(), e.is_file()) for e in it))
    (base / 'sub' / 'a.py').chmod(0o600)
    print(oct((base / 'sub' / 'a.py').stat().st_mode & 0o777))
    print((base / 'sub' / 'a.py').samefile(base / 'sub' / '..' / 'sub' / 'a.py'))
    os.utime(base / 'sub' / 'a.py', (1000000000, 1500000000))
    st = os.stat(base / 'sub' / 'a.py')
    print(st.st_mtime, st.st_atime, st.st_mtime_ns, st[8], os.path.getmtime(base / 'sub' / 'a.py'))
    print(repr(st).startswith('os.stat_result(st_mode='), len(st), isinstance(st, tuple))
finally:
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        for name in dirs:
            p = os.path.join(root, name)
            if os.path.islink(p):
                os.unlink(p)
            else:
                os.rmdir(p)
    base.rmdir()
print(base.exists())
