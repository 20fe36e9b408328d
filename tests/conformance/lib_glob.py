# glob: glob/iglob with *, ?, [..], recursive **, hidden files, root_dir, escape,
# has_magic, in a private directory under /tmp.
import glob
import os

base = '/tmp/lethe_glob_%d' % os.getpid()
files = ['a.py', 'b.py', 'c.txt', '.hidden.py', 'sub/d.py', 'sub/e.txt', 'sub/deep/f.py',
         'sub/.h/g.py', '[x].py', 'x.py']
for f in files:
    p = os.path.join(base, f)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, 'w') as fh:
        fh.write(f)
try:
    def show(pattern, **kw):
        got = glob.glob(os.path.join(base, pattern), **kw)
        print(pattern, kw, sorted(os.path.relpath(g, base) for g in got))

    show('*.py')
    show('?.py')
    show('[ab].py')
    show('[!a].py')
    show('*')
    show('*', include_hidden=True)
    show('**/*.py')
    show('**/*.py', recursive=True)
    show('**/*.py', recursive=True, include_hidden=True)
    show('**', recursive=True)
    show('**/', recursive=True)
    show('sub/*/')
    show('sub/*')
    show(glob.escape('[x].py'))
    show('nothing*')
    show('c.txt')
    show('missing.txt')
    print(sorted(glob.glob('*.py', root_dir=base)))
    print(sorted(glob.glob('**/*.txt', root_dir=base, recursive=True)))
    print(sorted(os.path.relpath(p, base) for p in glob.iglob(base + '/sub/**', recursive=True)))
    print(glob.has_magic('a*'), glob.has_magic('abc'), glob.has_magic('[a]'), glob.escape('a?b*c[d]'))
    print(glob.escape('//?/c:/Quo*'), glob.glob(''))
finally:
    for root, dirs, names in os.walk(base, topdown=False):
        for n in names:
            os.unlink(os.path.join(root, n))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(base)
print(os.path.exists(base))
