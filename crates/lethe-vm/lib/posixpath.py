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
