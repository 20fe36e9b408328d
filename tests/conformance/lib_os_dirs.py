# os.mkdir/makedirs/rmdir/rename/walk and os.path.relpath/commonpath/commonprefix.
import os
base = '/tmp/lethe_os_probe_dir_%d' % os.getpid()
if os.path.exists(base):
    for root, dirs, files in os.walk(base, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(base)
os.makedirs(os.path.join(base, 'a', 'b'))
os.makedirs(os.path.join(base, 'a', 'b'), exist_ok=True)
try:
    os.makedirs(os.path.join(base, 'a'))
except FileExistsError as e:
    print('FileExistsError', e.errno, e.strerror)
os.mkdir(os.path.join(base, 'c'))
for name in ['a/x.txt', 'a/b/y.txt', 'c/z.txt', 'top.txt']:
    with open(os.path.join(base, name), 'w') as fh:
        fh.write(name)
os.rename(os.path.join(base, 'top.txt'), os.path.join(base, 'renamed.txt'))
result = []
for root, dirs, files in os.walk(base):
    result.append((os.path.relpath(root, base) if hasattr(os.path, 'relpath') else root[len(base):], sorted(dirs), sorted(files)))
print(sorted(result))
try:
    os.rmdir(os.path.join(base, 'a'))
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.rename(os.path.join(base, 'nope'), os.path.join(base, 'x'))
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.filename == os.path.join(base, 'nope'), e.filename2 == os.path.join(base, 'x'))
try:
    os.mkdir(os.path.join(base, 'c'))
except FileExistsError as e:
    print('FileExistsError', str(e).replace(base, '<base>'))
import os.path as p
print(p.relpath("/a/b/c", "/a/x"), p.relpath("/a/b", "/a/b"), p.relpath("x/y"), p.commonpath(["/usr/lib", "/usr/local/lib"]), p.commonprefix(["interval", "internal"]), p.commonpath(["a/b/c", "a/b/d"]))
for root, dirs, files in os.walk(base, topdown=False):
    for f in files:
        os.remove(os.path.join(root, f))
    for d in dirs:
        os.rmdir(os.path.join(root, d))
os.rmdir(base)
print(os.path.exists(base))
