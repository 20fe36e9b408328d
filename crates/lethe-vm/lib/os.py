"""OS routines (lethe's os: the working directory, directory listing, environ, path)."""

import sys
import _lethe
import posixpath as path

sys.modules['os.path'] = path

name = 'posix'
sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
altsep = None
pathsep = ':'
linesep = '\n'
devnull = '/dev/null'


def _check_str(value):
    if not isinstance(value, str):
        raise TypeError("str expected, not %s" % type(value).__name__)


class _Environ:
    """os.environ: the environment; assigning or deleting a name changes the
    process's environment too (putenv/unsetenv)."""

    def __init__(self, items):
        self._data = dict(items)

    def __getitem__(self, key):
        _check_str(key)
        return self._data[key]

    def __setitem__(self, key, value):
        _check_str(key)
        _check_str(value)
        _lethe.putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        _check_str(key)
        if key not in self._data:
            raise KeyError(key)
        _lethe.unsetenv(key)
        del self._data[key]

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    _MISSING = object()

    def pop(self, key, default=_MISSING):
        if key in self:
            value = self._data[key]
            del self[key]
            return value
        if default is _Environ._MISSING:
            raise KeyError(key)
        return default

    def update(self, other=(), **kwds):
        if hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def clear(self):
        for key in list(self._data):
            del self[key]

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        return self._data == other

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def __repr__(self):
        return 'environ(' + repr(self._data) + ')'


environ = _Environ(_lethe.environ_items())


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    _check_str(key)
    _check_str(value)
    _lethe.putenv(key, value)


def unsetenv(key):
    _check_str(key)
    _lethe.unsetenv(key)


def getcwd():
    return _lethe.getcwd()


def chdir(path):
    _lethe.chdir(fspath(path))


def cpu_count():
    return _lethe.cpu_count()


def strerror(code):
    return _lethe.strerror(code)


def urandom(size):
    if size < 0:
        raise ValueError("negative argument not allowed")
    out = bytearray()
    while len(out) < size:
        out += _lethe.urandom_int().to_bytes(15, 'little')
    return bytes(out[:size])


error = OSError
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
F_OK, X_OK, W_OK, R_OK = 0, 1, 2, 4


def listdir(path='.'):
    if not isinstance(path, str):
        raise TypeError("listdir: path should be string, bytes, os.PathLike, integer or None, not %s"
                        % type(path).__name__)
    return _lethe.listdir(path)


def _exit(status):
    _lethe.exit(status)


def getpid():
    return _lethe.getpid()


def fspath(p):
    if isinstance(p, str):
        return p
    raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(p).__name__)


def remove(path):
    if not isinstance(path, str):
        raise TypeError("remove: path should be string, bytes or os.PathLike, not %s"
                        % type(path).__name__)
    _lethe.remove(path)


unlink = remove


def mkdir(path, mode=0o777, *, dir_fd=None):
    _lethe.mkdir(fspath(path))


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def rmdir(path_, *, dir_fd=None):
    _lethe.rmdir(fspath(path_))


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _lethe.rename(fspath(src), fspath(dst))


replace = rename


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: (dirpath, dirnames, filenames) per directory."""
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs, nondirs = [], []
    for name in names:
        if path.isdir(path.join(top, name)):
            dirs.append(name)
        else:
            nondirs.append(name)
    if topdown:
        yield top, dirs, nondirs
        for d in dirs:
            yield from walk(path.join(top, d), topdown, onerror, followlinks)
    else:
        for d in dirs:
            yield from walk(path.join(top, d), topdown, onerror, followlinks)
        yield top, dirs, nondirs
