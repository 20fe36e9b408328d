# OSError's errno/strerror/filename, errno subclasses, Unicode*Error str(),
# add_note / __notes__, sys.exc_info() / sys.exception().
import sys

for args in [(), ('x',), (2, 'nf'), (2, 'nf', 'f.txt'), (13, 'denied', 'a', None, 'b'),
             (99, 'weird'), ('a', 'b', 'c'), (1, 2, 3, 4, 5, 6), (17, 'exists'),
             (21, 'isdir', 'd'), (20, 'notdir'), (3, 'srch'), (110, 'timeout')]:
    e = OSError(*args)
    print(type(e).__name__, repr(e), '|', str(e), '|', e.args, e.errno, e.strerror,
          e.filename, e.filename2)

try:
    open('/nonexistent/dir/file.txt')
except FileNotFoundError as e:
    print(repr(e), e.args, e.errno, e.strerror, e.filename, '|', e)
except OSError as e:
    print('other', e)
print(IOError is OSError, EnvironmentError is OSError, issubclass(FileNotFoundError, IOError))


class MyOS(OSError):
    pass


m = MyOS(2, 'x', 'y')
print(type(m).__name__, m, m.errno, m.args)
try:
    raise OSError(2, 'No such file or directory', 'data.csv')
except FileNotFoundError as e:
    print('caught as FileNotFoundError:', e)

e = UnicodeDecodeError('utf-8', b'ab\xff', 2, 3, 'invalid start byte')
print(str(e), e.args, e.start, e.end, e.reason, e.encoding, e.object)
print(UnicodeDecodeError('utf-8', b'ab\xff\xfe', 2, 4, 'bad'))
print(UnicodeEncodeError('ascii', 'a\xe9', 1, 2, 'ordinal not in range(128)'))
print(UnicodeEncodeError('ascii', 'a\u20ac\U0001f600', 1, 3, 'nope'))
print(UnicodeEncodeError('ascii', '\U0001f600', 0, 1, 'nope'))
print(UnicodeEncodeError('ascii', 'x\u20ac', 1, 2, 'nope'))
for s, enc in [('caf\xe9', 'ascii'), ('\u20ac', 'latin-1'), ('ab\u20ac\u20acc', 'ascii')]:
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print(e, '|', e.args, e.start, e.end)
for b, enc in [(b'\xff', 'utf-8'), (b'ab\xc3', 'utf-8'), (b'a\x80b', 'ascii'), (b'\xe2\x28\xa1', 'utf-8')]:
    try:
        b.decode(enc)
    except UnicodeDecodeError as e:
        print(e, '|', e.args, e.start, e.end, e.reason)


def handler():
    try:
        raise KeyError('q')
    except KeyError:
        t, v, tb = sys.exc_info()
        inner = None
        try:
            raise ValueError('inner')
        except ValueError:
            inner = repr(sys.exception())
        after = repr(sys.exc_info()[1])
        return t.__name__, repr(v), tb is not None, inner, after


print(handler())
print(sys.exc_info(), sys.exception())

e = ValueError('base')
print(hasattr(e, '__notes__'))
e.add_note('note one')
e.add_note('note two')
print(e.__notes__, str(e), e.args)
try:
    e.add_note(5)
except TypeError as x:
    print(x)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        z.add_note('while dividing')
        raise
except ZeroDivisionError as z:
    print(z.__notes__)
raise e
