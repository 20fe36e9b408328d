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


def _formatter_parser(s):
    """(literal_text, field_name, format_spec, conversion) for each piece of a
    format string, as CPython's _string.formatter_parser yields them (an escaped
    brace ends a literal piece)."""
    i = 0
    n = len(s)
    while i < n:
        start = i
        c = None
        markup = False
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                markup = True
                break
        at_end = i >= n
        length = i - start
        if markup and c == '}' and (at_end or s[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if markup and at_end and c == '{':
            raise ValueError("Single '{' encountered in format string")
        if markup and not at_end:
            if s[i] == c:
                i += 1
                markup = False
            else:
                length -= 1
        literal = s[start:start + length]
        if not markup:
            yield literal, None, None, None
            continue
        count = 1
        fstart = i
        closed = False
        while i < n:
            ch = s[i]
            i += 1
            if ch == '{':
                count += 1
            elif ch == '}':
                count -= 1
                if count == 0:
                    closed = True
                    break
        if not closed:
            raise ValueError("expected '}' before end of string")
        field = s[fstart:i - 1]
        k = 0
        while k < len(field):
            ch = field[k]
            if ch == '{':
                raise ValueError("unexpected '{' in field name")
            if ch == '[':
                while k < len(field) and field[k] != ']':
                    k += 1
                continue
            if ch == ':' or ch == '!':
                break
            k += 1
        name = field[:k]
        conversion = None
        spec = ''
        if k < len(field):
            rest = field[k + 1:]
            if field[k] == '!':
                if not rest:
                    raise ValueError("unmatched '{' in format spec")
                conversion = rest[0]
                rest = rest[1:]
                if rest:
                    if rest[0] != ':':
                        raise ValueError("expected ':' after conversion specifier")
                    rest = rest[1:]
            spec = rest
        yield literal, name, spec, conversion


def _field_name_split(name):
    """(first, [(is_attribute, key), ...]) for a field name like 'a.b[0]'."""
    k = 0
    while k < len(name) and name[k] not in '.[':
        k += 1
    first = name[:k]
    if first.isdigit():
        first = int(first)
    rest = []
    while k < len(name):
        if name[k] == '.':
            j = k + 1
            while j < len(name) and name[j] not in '.[':
                j += 1
            attr = name[k + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            k = j
        else:
            j = name.find(']', k)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[k + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            k = j + 1
            if k < len(name) and name[k] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, iter(rest)


class Formatter:
    """The str.format machinery, overridable piece by piece."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field specification to '
                                         'automatic field numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field specification to '
                                         'automatic field numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
