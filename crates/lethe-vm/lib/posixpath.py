"""Common operations on POSIX pathnames (lethe's os.path)."""

import _lethe

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'


def _check(name, p):
    if not isinstance(p, str):
        raise TypeError("%s: path should be string, bytes or os.PathLike, not %s"
                        % (name, type(p).__name__))


def join(a, *p):
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
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def basename(p):
    i = p.rfind('/') + 1
    return p[i:]


def dirname(p):
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def splitext(p):
    sepIndex = p.rfind('/')
    dotIndex = p.rfind('.')
    if dotIndex > sepIndex:
        filenameIndex = sepIndex + 1
        while filenameIndex < dotIndex:
            if p[filenameIndex] != '.':
                return p[:dotIndex], p[dotIndex:]
            filenameIndex += 1
    return p, p[:0]


def isabs(s):
    return s.startswith('/')


def normpath(path):
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
    _check('abspath', path)
    if not isabs(path):
        path = join(_lethe.getcwd(), path)
    return normpath(path)


def exists(path):
    if not isinstance(path, str):
        return False
    return _lethe.exists(path)


def isfile(path):
    if not isinstance(path, str):
        return False
    return _lethe.isfile(path)


def isdir(s):
    if not isinstance(s, str):
        return False
    return _lethe.isdir(s)


def getsize(filename):
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
    if not path:
        raise ValueError('no path specified')
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


def islink(path):
    return False


def getmtime(filename):
    import _lethe
    _lethe.unsupported('os.path.getmtime')
