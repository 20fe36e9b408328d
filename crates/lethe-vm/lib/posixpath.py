"""Common operations on POSIX pathnames (lethe's os.path)."""

import _lethe

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'


def _fs(p):
    # os.fspath for objects with __fspath__ (pathlib paths, DirEntry); anything else
    # is left for the function's own type check.
    if not isinstance(p, (str, bytes)) and hasattr(type(p), '__fspath__'):
        import os
        return os.fspath(p)
    return p


def _check(name, p):
    if not isinstance(p, str):
        raise TypeError("%s: path should be string, bytes or os.PathLike, not %s"
                        % (name, type(p).__name__))


def join(a, *p):
    a = _fs(a)
    if not isinstance(a, str):
        raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(a).__name__)
    path = a
    for b in p:
        if not isinstance(b, str):
            raise TypeError("join() argument must be str, bytes, or os.PathLike object, not '%s'"
                            % type(b).__name__)
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    p = _fs(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def basename(p):
    p = _fs(p)
    i = p.rfind('/') + 1
    return p[i:]


def dirname(p):
    p = _fs(p)
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def splitext(p):
    p = _fs(p)
    sepIndex = p.rfind('/')
    dotIndex = p.rfind('.')
    if dotIndex > sepIndex:
        filenameIndex = sepIndex + 1
        while filenameIndex < dotIndex:
            if p[filenameIndex] != '.':
                return p[:dotIndex], p[dotIndex:]
            filenameIndex += 1
    return p, p[:0]


def normcase(s):
    """Normalize case of pathname: nothing to do on POSIX."""
    s = _fs(s)
    if not isinstance(s, (bytes, str)):
        raise TypeError("normcase() argument must be str or bytes, not '{}'"
                        .format(s.__class__.__name__))
    return s


def isabs(s):
    s = _fs(s)
    return s.startswith('/')


def normpath(path):
    path = _fs(path)
    if path == '':
        return '.'
    initial_slashes = 1 if path.startswith('/') else 0
    if initial_slashes and path.startswith('//') and not path.startswith('///'):
        initial_slashes = 2
    comps = path.split('/')
    new_comps = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if (comp != '..' or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == '..')):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = '/'.join(new_comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'


def abspath(path):
    path = _fs(path)
    _check('abspath', path)
    if not isabs(path):
        path = join(_lethe.getcwd(), path)
    return normpath(path)


def exists(path):
    path = _fs(path)
    if not isinstance(path, str):
        return False
    return _lethe.exists(path)


def isfile(path):
    path = _fs(path)
    if not isinstance(path, str):
        return False
    return _lethe.isfile(path)


def isdir(s):
    s = _fs(s)
    if not isinstance(s, str):
        return False
    return _lethe.isdir(s)


def getsize(filename):
    filename = _fs(filename)
    _check('stat', filename)
    return _lethe.getsize(filename)


def commonprefix(m):
    """Longest common leading component (character by character) of the items."""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(m)
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def relpath(path, start=None):
    """Return a relative version of a path."""
    path = _fs(path)
    if not path:
        raise ValueError('no path specified')
    start = _fs(start)
    if start is None:
        start = '.'
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(path).split('/') if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = ['..'] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return '.'
    return join(*rel_list)


def commonpath(paths):
    """Longest common sub-path of the paths."""
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(paths)
    try:
        isabs_ = {p[:1] == '/' for p in paths}
        if len(isabs_) != 1:
            raise ValueError("Can't mix absolute and relative paths")
        split_paths = [[c for c in p.split('/') if c and c != '.'] for p in paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = '/' if isabs_.pop() else ''
        return prefix + '/'.join(common)
    except (TypeError, AttributeError):
        raise


def expanduser(path):
    path = _fs(path)
    if not path.startswith('~'):
        return path
    import os
    home = os.environ.get('HOME', '')
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path
    return (home.rstrip('/') or '/') + path[i:]


def _stat(path, follow=True):
    import os
    return os.stat(path) if follow else os.lstat(path)


def islink(path):
    try:
        st = _stat(path, False)
    except (OSError, ValueError, AttributeError):
        return False
    return st.st_mode & 0o170000 == 0o120000


def lexists(path):
    try:
        _stat(path, False)
    except (OSError, ValueError):
        return False
    return True


def getmtime(filename):
    return _stat(filename).st_mtime


def getatime(filename):
    return _stat(filename).st_atime


def getctime(filename):
    return _stat(filename).st_ctime


def samefile(f1, f2):
    s1 = _stat(f1)
    s2 = _stat(f2)
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def realpath(filename, *, strict=False):
    """The canonical path: symbolic links resolved (CPython's algorithm)."""
    filename = _fs(filename)
    _check('realpath', filename)
    path, ok = _joinrealpath(filename[:0], filename, strict, {})
    return abspath(path)


def _joinrealpath(path, rest, strict, seen):
    import os
    if isabs(rest):
        rest = rest[1:]
        path = sep
    while rest:
        name, _, rest = rest.partition(sep)
        if not name or name == curdir:
            continue
        if name == pardir:
            if path:
                path, name = split(path)
                if name == pardir:
                    path = join(path, pardir, pardir)
            else:
                path = pardir
            continue
        newpath = join(path, name)
        try:
            st = os.lstat(newpath)
        except OSError:
            if strict:
                raise
            is_link = False
        else:
            is_link = st.st_mode & 0o170000 == 0o120000
        if not is_link:
            path = newpath
            continue
        if newpath in seen:
            path = seen[newpath]
            if path is not None:
                continue
            if strict:
                os.stat(newpath)
            else:
                return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _joinrealpath(path, os.readlink(newpath), strict, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True


def splitdrive(p):
    """Split a pathname into drive and path. On Posix, drive is always empty."""
    p = _fs(p)
    return p[:0], p


_varprog = None


def expandvars(path):
    """Expand shell variables of form $var and ${var}.  Unknown variables
    are left unchanged."""
    global _varprog
    path = _fs(path)
    _check('expandvars', path)
    if '$' not in path:
        return path
    import os
    if not _varprog:
        import re
        _varprog = re.compile(r'\$(\w+|\{[^}]*\})', re.ASCII)
    search = _varprog.search
    i = 0
    while True:
        m = search(path, i)
        if not m:
            break
        i, j = m.span(0)
        name = m.group(1)
        if name.startswith('{') and name.endswith('}'):
            name = name[1:-1]
        try:
            value = os.environ[name]
        except KeyError:
            i = j
        else:
            tail = path[j:]
            path = path[:i] + value
            i = len(path)
            path += tail
    return path


def ismount(path):
    """Test whether a path is a mount point"""
    try:
        s1 = _stat(path, False)
    except (OSError, ValueError):
        return False
    else:
        if s1.st_mode & 0o170000 == 0o120000:
            return False
    path = _fs(path)
    parent = realpath(join(path, '..'))
    try:
        s2 = _stat(parent, False)
    except (OSError, ValueError):
        return False
    if s1.st_dev != s2.st_dev:
        return True
    if s1.st_ino == s2.st_ino:
        return True
    return False
