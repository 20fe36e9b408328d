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
    if path is None:
        path = '.'
    return _lethe.listdir(_path('listdir', path, "string, bytes, os.PathLike, integer or None"))


def _exit(status):
    _lethe.exit(status)


def getpid():
    return _lethe.getpid()


def fspath(path):
    """Return the file system representation of the path (str or bytes)."""
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + path_type.__name__)
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, not {}"
                    .format(path_type.__name__, type(path_repr).__name__))


def fsencode(filename):
    """Encode filename (an os.PathLike, bytes, or str) to the filesystem encoding."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8')
    return filename


def fsdecode(filename):
    """Decode filename (an os.PathLike, bytes, or str) from the filesystem encoding."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        try:
            return filename.decode('utf-8')
        except UnicodeDecodeError:
            _lethe.unsupported("os.fsdecode of bytes that are not UTF-8 (surrogateescape)")
    return filename


def _path(fname, path, kinds="string, bytes or os.PathLike"):
    # A path argument as the str lethe's natives take (bytes paths are unsupported).
    if isinstance(path, str):
        return path
    if not isinstance(path, bytes) and hasattr(type(path), '__fspath__'):
        path = fspath(path)
        if isinstance(path, str):
            return path
    if isinstance(path, bytes):
        _lethe.unsupported("bytes paths (%s)" % fname)
    raise TypeError("%s: path should be %s, not %s" % (fname, kinds, type(path).__name__))


import abc as _abc


class PathLike(_abc.ABC):
    """Abstract base class for implementing the file system path protocol."""

    @_abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented


class stat_result(tuple):
    """The result of stat(): ten indexable fields and their st_* attributes."""

    n_sequence_fields = 10
    n_unnamed_fields = 3
    _names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid',
              'st_size', 'st_atime', 'st_mtime', 'st_ctime')

    def __new__(cls, fields):
        fields = tuple(fields)
        if len(fields) == 13:
            # From _lethe.stat: seconds and nanoseconds of each time.
            head = fields[:7]
            times = fields[7:]
            self = tuple.__new__(cls, head + (times[0], times[2], times[4]))
            for i, name in enumerate(('st_atime', 'st_mtime', 'st_ctime')):
                sec, nsec = times[2 * i], times[2 * i + 1]
                self.__dict__[name] = sec + nsec * 1e-9
                self.__dict__[name + '_ns'] = sec * 1000000000 + nsec
            return self
        if len(fields) != 10:
            raise TypeError("os.stat_result() takes a 10-sequence (%d-sequence given)"
                            % len(fields))
        self = tuple.__new__(cls, fields)
        for i, name in enumerate(('st_atime', 'st_mtime', 'st_ctime')):
            self.__dict__[name] = fields[7 + i]
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])

    def __repr__(self):
        return 'os.stat_result(%s)' % ', '.join(
            '%s=%r' % (n, v) for n, v in zip(self._names, self))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return stat_result(_lethe.stat(_path('stat', path), 1 if follow_symlinks else 0))


def lstat(path, *, dir_fd=None):
    return stat_result(_lethe.stat(_path('lstat', path), 0))


def readlink(path, *, dir_fd=None):
    return _lethe.readlink(_path('readlink', path))


def symlink(src, dst, target_is_directory=False, *, dir_fd=None):
    _lethe.link(_path('symlink', src), _path('symlink', dst), 0)


def link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True):
    _lethe.link(_path('link', src), _path('link', dst), 1)


def chmod(path, mode, *, dir_fd=None, follow_symlinks=True):
    _lethe.chmod(_path('chmod', path), mode)


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    path = _path('utime', path)
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError("utime: 'times' must be either a tuple of two ints or None")
        ns = tuple(int(t * 1000000000) if isinstance(t, float) else t * 1000000000
                   for t in times)
    if ns is None:
        _lethe.utime(path)
    else:
        if not isinstance(ns, tuple) or len(ns) != 2:
            raise TypeError("utime: 'ns' must be a tuple of two ints")
        _lethe.utime(path, ns[0], ns[1])


class DirEntry:
    """An entry of scandir(): its name, path and cached stat results."""

    __slots__ = ('name', 'path', '_stat', '_lstat')

    def __init__(self, directory, name):
        self.name = name
        self.path = path.join(directory, name)
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o100000

    def is_symlink(self):
        return self._mode(False) & 0o170000 == 0o120000


class _ScandirIterator:
    def __init__(self, directory, names):
        self._dir = directory
        self._names = iter(names)

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._dir, next(self._names))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._names = iter(())


def scandir(path='.'):
    if path is None:
        path = '.'
    directory = _path('scandir', path, "string, bytes, os.PathLike, integer or None")
    return _ScandirIterator(directory, _lethe.listdir(directory))


F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1
defpath = '/bin:/usr/bin'
# The functions that take dir_fd / a file descriptor / follow_symlinks=False:
# lethe's take none of them (stat's follow_symlinks=False is lstat).
supports_dir_fd = set()
supports_fd = set()
supports_effective_ids = set()
supports_follow_symlinks = {stat}


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    return _lethe.access(_path('access', path), mode)


def urandom(size):
    """Return a bytes object containing random bytes suitable for cryptographic use."""
    if not isinstance(size, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(size).__name__)
    return _lethe.urandom(size)


class terminal_size(tuple):
    """A tuple of (columns, lines) for holding terminal window size"""

    n_sequence_fields = 2
    n_fields = 2
    n_unnamed_fields = 0

    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) != 2:
            raise TypeError("os.terminal_size() takes a 2-sequence (%d-sequence given)"
                            % len(seq))
        return tuple.__new__(cls, seq)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return 'os.terminal_size(columns=%r, lines=%r)' % (self[0], self[1])


def get_terminal_size(fd=1):
    return terminal_size(_lethe.terminal_size(fd))


def remove(path):
    _lethe.remove(_path('remove', path))


unlink = remove


def mkdir(path, mode=0o777, *, dir_fd=None):
    _lethe.mkdir(_path('mkdir', path))


def makedirs(name, mode=0o777, exist_ok=False):
    name = _path('makedirs', name)
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
    _lethe.rmdir(_path('rmdir', path_))


def removedirs(name):
    name = _path("removedirs", name)
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
    _lethe.rename(_path('rename', src), _path('rename', dst))


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
