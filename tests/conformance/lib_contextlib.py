# contextlib: contextmanager (also as a decorator), suppress, closing, nullcontext,
# redirect_stdout/stderr, ExitStack; print() honours a replaced sys.stdout.
import contextlib
import io
import sys


@contextlib.contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')


with tag('b') as t:
    print('inside', t)

with tag('outer'):
    with tag('inner'):
        print('nested')


@contextlib.contextmanager
def swallow(*kinds):
    try:
        yield
    except kinds as e:
        print('swallowed', type(e).__name__, e)


with swallow(KeyError):
    {}['missing']
print('after swallow')
try:
    with swallow(KeyError):
        raise ValueError('not swallowed')
except ValueError as e:
    print('propagated', e)
try:
    with tag('err'):
        raise IndexError('boom')
except IndexError as e:
    print('caught', e)


@contextlib.contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print('RuntimeError', e)


@contextlib.contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print('RuntimeError', e)


@tag('decorated')
def work(x):
    print('working', x)
    return x * 2


print(work(3), work(4), work.__name__)

with contextlib.suppress(FileNotFoundError, KeyError):
    open('/nonexistent/file')
print('suppressed file error')
with contextlib.suppress(ZeroDivisionError):
    print('no error here')
try:
    with contextlib.suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print('ZeroDivisionError passes through')


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print('closing', self.name)


with contextlib.closing(Resource('db')) as r:
    print('using', r.name)
with contextlib.nullcontext(42) as v:
    print('nullcontext gives', v)

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print('captured line 1')
    print('captured', 'line', 2, sep='-')
print('buffer:', repr(buf.getvalue()))
old = sys.stdout
sys.stdout = io.StringIO()
print('into replaced stdout')
captured = sys.stdout.getvalue()
sys.stdout = old
print('replaced stdout held', repr(captured))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    print('to stderr', file=sys.stderr)
print('stderr buffer:', repr(err.getvalue()))

with contextlib.ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in ('x', 'y')]
    stack.callback(print, 'callback ran', names)
    print('in stack', names)
print('stack closed')
with contextlib.ExitStack() as stack:
    stack.push(lambda *exc: print('push exit', exc[0].__name__ if exc[0] else None) or True)
    raise ValueError('suppressed by push')
print('after suppressing stack')
