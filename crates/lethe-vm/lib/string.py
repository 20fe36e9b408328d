"""A collection of string constants (lethe's string module)."""

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


def _ident_end(s, k):
    """End of an ASCII identifier ([_a-z][_a-z0-9]*, any case) starting at k."""
    n = len(s)
    if k >= n or not (s[k] == '_' or ('a' <= s[k] <= 'z') or ('A' <= s[k] <= 'Z')):
        return k
    m = k + 1
    while m < n and (s[m] == '_' or ('a' <= s[m] <= 'z') or ('A' <= s[m] <= 'Z')
                     or ('0' <= s[m] <= '9')):
        m += 1
    return m


_sentinel_dict = {}


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """(kind, start, end, name) for each placeholder: kind is 'escaped',
        'named', 'braced' or 'invalid' (start is where the invalid group is)."""
        s = self.template
        d = self.delimiter
        n = len(s)
        i = 0
        while True:
            j = s.find(d, i)
            if j < 0:
                return
            k = j + len(d)
            if s.startswith(d, k):
                yield ('escaped', j, k + len(d), None)
                i = k + len(d)
                continue
            m = _ident_end(s, k)
            if m > k:
                yield ('named', j, m, s[k:m])
                i = m
                continue
            if k < n and s[k] == '{':
                m = _ident_end(s, k + 1)
                if m > k + 1 and m < n and s[m] == '}':
                    yield ('braced', j, m + 1, s[k + 1:m])
                    i = m + 1
                    continue
            yield ('invalid', j, k, k)
            i = k

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _substitute(self, mapping, kws, safe):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            merged = dict(mapping)
            merged.update(kws)
            mapping = merged
        s = self.template
        out = []
        pos = 0
        for kind, start, end, name in self._scan():
            out.append(s[pos:start])
            pos = end
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                if not safe:
                    self._invalid(name)
                out.append(s[start:end])
            elif safe:
                try:
                    out.append('%s' % (mapping[name],))
                except KeyError:
                    out.append(s[start:end])
            else:
                out.append('%s' % (mapping[name],))
        out.append(s[pos:])
        return ''.join(out)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(mapping, kws, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(mapping, kws, True)

    def is_valid(self):
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, start, end, name in self._scan():
            if kind in ('named', 'braced') and name not in ids:
                ids.append(name)
            elif kind == 'invalid':
                raise ValueError('Unrecognized named group in pattern', self.pattern
                                 if hasattr(self, 'pattern') else None)
        return ids
