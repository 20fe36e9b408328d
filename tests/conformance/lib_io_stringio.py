import io
from io import StringIO

s = StringIO()
print(s.write('hello '), s.write('world\n'), s.tell())
s.write('line two\nline three')
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.read(5)), repr(s.readline()), repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(0)
print(s.readlines())
s.seek(0)
print([line for line in s])
t = StringIO('abc\ndef\n')
print(repr(t.read()), repr(t.read()), t.tell())
t.seek(1)
t.write('XY')
print(repr(t.getvalue()), t.tell())
t.seek(0, 2)
t.write('end')
print(repr(t.getvalue()))
t.truncate(4)
print(repr(t.getvalue()), t.tell())
u = StringIO('initial')
u.write('ab')
print(repr(u.getvalue()))
print(StringIO().getvalue() == '', StringIO(None).read())
import sys
out = StringIO()
print('to buffer', 42, sep='-', file=out)
print('second', file=out, end='!')
print(repr(out.getvalue()))
with StringIO('ctx') as w:
    print(w.read(), w.closed)
print(w.closed)
for f in [lambda: w.read(), lambda: StringIO(5), lambda: StringIO().write(5), lambda: StringIO().seek(-1)]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
lines = StringIO('a\nb\n\nc')
print([l.rstrip('\n') for l in lines.readlines()])
StringIO('x').read(None), StringIO().write(b'x' if False else None)
