# pathlib: pure paths (posix and windows flavours): parsing, parts, suffixes, joining, relative_to, match, errors.
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
p = PurePosixPath('/usr/lib/python3.11/argparse.tar.gz')
print(p, repr(p), p.name, p.stem, p.suffix, p.suffixes, p.parent, list(p.parents), p.parts)
print(p.with_name('x.py'), p.with_suffix('.zip'), p.with_stem('s'), p.anchor, p.root, p.drive)
print(p.is_absolute(), p.relative_to('/usr'), p.is_relative_to('/usr/lib'), p.match('*.gz'), p.match('lib/*.gz'), p.match('/usr/*.gz'))
q = PurePosixPath('a') / 'b' / PurePosixPath('c/d')
print(q, q.joinpath('e', 'f'), 'x' / q, q.as_posix(), str(q), bytes(q) if hasattr(q,'__bytes__') else None)
print(PurePosixPath(), PurePosixPath('.'), PurePosixPath('a//b/./c/..'), PurePosixPath('//x'), PurePosixPath('///x'))
print(PurePosixPath('/a') == PurePosixPath('/a'), PurePosixPath('/a') < PurePosixPath('/b'), hash(PurePosixPath('/a')) == hash(PurePosixPath('/a')))
print(sorted([PurePosixPath('b'), PurePosixPath('a/c'), PurePosixPath('a')]))
print(PurePosixPath('/etc').as_uri())
w = PureWindowsPath('c:/Windows/System32/x.DLL')
print(w, repr(w), w.drive, w.root, w.parts, w.name, w.suffix, w.parent)
print(PurePath('a/b'), type(PurePath('a')).__name__)
try:
    PurePosixPath('a').relative_to('b')
except ValueError as e:
    print('ValueError:', e)
try:
    PurePosixPath('a/b').with_suffix('x')
except ValueError as e:
    print('ValueError:', e)
try:
    PurePosixPath('').with_name('x')
except ValueError as e:
    print('ValueError:', e)
print(p.parents[0], p.parents[-1], len(p.parents), p.parents[1:3] if hasattr(p.parents, '__getitem__') else None)
import os
print(os.fspath(p), isinstance(p, os.PathLike))
for bad in [1, None, b'bytes']:
    try:
        PurePosixPath(bad)
    except TypeError as e:
        print('TypeError:', e)
try:
    PurePosixPath('a') / 1
except TypeError as e:
    print('TypeError:', e)
try:
    PurePosixPath('a').with_name('b/c')
except ValueError as e:
    print('ValueError:', e)
try:
    PurePosixPath('/a/b').relative_to('/a/b/c')
except ValueError as e:
    print('ValueError:', e)
try:
    PurePosixPath('a').as_uri()
except ValueError as e:
    print('ValueError:', e)
print(PurePosixPath('/a/b').relative_to('/'), PurePosixPath('/a/b').relative_to('/a', 'b'))
print(PurePosixPath('a/b.c.d').suffixes, PurePosixPath('.bashrc').suffix, PurePosixPath('.bashrc').stem, PurePosixPath('a.').suffixes, PurePosixPath('a.').suffix)
print(PurePosixPath('/a/b/c.py').match('b/*.py'), PurePosixPath('a/b.py').match('*.PY'), PurePosixPath('/').name, PurePosixPath('/').parent, PurePosixPath('.').parent)
print(PureWindowsPath('c:/a') / 'D:b', PureWindowsPath('//server/share/x').drive, PureWindowsPath('a/b.PY').match('*.py'), PureWindowsPath('C:/A') == PureWindowsPath('c:/a'))
print(PurePosixPath('a') == 'a', PurePosixPath('a') == PureWindowsPath('a'), PurePosixPath('A') == PurePosixPath('a'))
try:
    PurePosixPath('a') < PureWindowsPath('b')
except TypeError as e:
    print('TypeError:', e)
d = {PurePosixPath('x/y'): 1}
print(d[PurePosixPath('x//y/')], PurePosixPath('a', 'b', '/c', 'd'), PurePosixPath(PurePosixPath('p'), 'q'))
print(PurePosixPath('a/b').with_suffix(''), PurePosixPath('a/b.txt').with_suffix(''), PurePosixPath('x').is_reserved())
class P(PurePosixPath):
    pass
print(repr(P('s') / 't'), type(P('s').parent).__name__)
