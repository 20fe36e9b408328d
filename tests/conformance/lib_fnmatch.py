# fnmatch: translate (CPython 3.11's atomic-group form), fnmatch, fnmatchcase, filter.
import fnmatch, re
pats = ['*.py', 'a*b*c', '[!a-c]?x', '[]x]', '*', 'a[*]b', '**/x', '[a-', 'x[!]y', '*.[ch]', '?', '[z-a]', 'a**b', '[\\]']
names = ['a.py', 'abc', 'axxbyyc', 'dyx', ']', 'a*b', 'd/x', 'x', '[a-', 'x!y', 'm.c', 'q', 'ab', '\\', 'A.PY', '.hidden.py']
for p in pats:
    print(repr(p), repr(fnmatch.translate(p)), [n for n in names if fnmatch.fnmatch(n, p)])
print(fnmatch.filter(names, '*.py'), fnmatch.fnmatchcase('A.PY', '*.py'), fnmatch.fnmatch('A.PY', '*.py'))
