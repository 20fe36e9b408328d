"""JSON encoder and decoder (lethe's json: dumps/loads/dump/load with CPython's output)."""

import _lethe

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecodeError', 'JSONDecoder', 'JSONEncoder']


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the error position (msg, doc, pos, lineno, colno)."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


JSONDecodeError.__module__ = 'json.decoder'

# ------------------------------------------------------------------ encoding

_ESCAPE = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}


def _quote(s, ensure_ascii):
    # Fast path: nothing to escape.
    if s.isascii() and s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    if not ensure_ascii and s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    return _encode_str2(s, ensure_ascii)


def _encode_str2(s, ensure_ascii):
    parts = ['"']
    for c in s:
        o = ord(c)
        if c in _ESCAPE:
            parts.append(_ESCAPE[c])
        elif o < 0x20:
            parts.append('\\u%04x' % o)
        elif ensure_ascii and o > 0x7e:
            if o > 0xffff:
                v = o - 0x10000
                parts.append('\\u%04x\\u%04x' % (0xd800 | ((v >> 10) & 0x3ff),
                                                0xdc00 | (v & 0x3ff)))
            else:
                parts.append('\\u%04x' % o)
        else:
            parts.append(c)
    parts.append('"')
    return ''.join(parts)


def _floatstr(o, allow_nan):
    if o != o:
        text = 'NaN'
    elif o == float('inf'):
        text = 'Infinity'
    elif o == float('-inf'):
        text = '-Infinity'
    else:
        return float.__repr__(o)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            return _quote(o, self.ensure_ascii)
        # Plain data is encoded natively (as CPython's C encoder does); anything
        # else, or any doubt, comes back as None and is done here.
        ind = self.indent
        if ind is None or isinstance(ind, str) or type(ind) is int:
            if type(ind) is int:
                ind = ' ' * ind
            r = _lethe.json_encode(o, ind, self.item_separator, self.key_separator,
                                   bool(self.sort_keys), bool(self.ensure_ascii),
                                   bool(self.allow_nan), bool(self.skipkeys))
            if r is not None:
                return r
        chunks = []
        self._enc(o, 0, chunks, {} if self.check_circular else None)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])

    def _enc(self, o, level, out, markers):
        if isinstance(o, str):
            out.append(_quote(o, self.ensure_ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_floatstr(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self._enc_list(o, level, out, markers)
        elif isinstance(o, dict):
            self._enc_dict(o, level, out, markers)
        else:
            if markers is not None:
                mid = id(o)
                if mid in markers:
                    raise ValueError("Circular reference detected")
                markers[mid] = o
            o2 = self.default(o)
            self._enc(o2, level, out, markers)
            if markers is not None:
                del markers[mid]

    def _newline(self, level):
        indent = self.indent
        if not isinstance(indent, str):
            indent = ' ' * indent
        return '\n' + indent * level

    def _enc_list(self, lst, level, out, markers):
        if not lst:
            out.append('[]')
            return
        if markers is not None:
            mid = id(lst)
            if mid in markers:
                raise ValueError("Circular reference detected")
            markers[mid] = lst
        out.append('[')
        if self.indent is not None:
            level += 1
            nl = self._newline(level)
            sep = self.item_separator + nl
            out.append(nl)
        else:
            nl = None
            sep = self.item_separator
        first = True
        for v in lst:
            if first:
                first = False
            else:
                out.append(sep)
            self._enc(v, level, out, markers)
        if nl is not None:
            level -= 1
            out.append(self._newline(level))
        out.append(']')
        if markers is not None:
            del markers[mid]

    def _enc_dict(self, dct, level, out, markers):
        if not dct:
            out.append('{}')
            return
        if markers is not None:
            mid = id(dct)
            if mid in markers:
                raise ValueError("Circular reference detected")
            markers[mid] = dct
        out.append('{')
        if self.indent is not None:
            level += 1
            nl = self._newline(level)
            sep = self.item_separator + nl
            out.append(nl)
        else:
            nl = None
            sep = self.item_separator
        first = True
        items = list(dct.items())
        if self.sort_keys:
            items = sorted(items, key=_first)
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _floatstr(key, self.allow_nan)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                out.append(sep)
            out.append(_quote(key, self.ensure_ascii))
            out.append(self.key_separator)
            self._enc(value, level, out, markers)
        if nl is not None:
            level -= 1
            out.append(self._newline(level))
        out.append('}')
        if markers is not None:
            del markers[mid]


def _first(item):
    return item[0]


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
               check_circular=check_circular, allow_nan=allow_nan, indent=indent,
               separators=separators, default=default, sort_keys=sort_keys,
               **kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


# ------------------------------------------------------------------ decoding

_WS = ' \t\n\r'
_BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}
_CONSTANTS = {'-Infinity': float('-inf'), 'Infinity': float('inf'), 'NaN': float('nan')}


class _StopScan(Exception):
    pass


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self._plain = (object_hook is None and parse_float is None and parse_int is None
                       and parse_constant is None and object_pairs_hook is None
                       and strict)

    def decode(self, s):
        # A well-formed document for the default settings is scanned natively;
        # errors (and everything else) are found and reported here.
        if self._plain and type(s) is str:
            r = _lethe.json_decode(s)
            if r is not None:
                return r[0]
        end = _skip(s, 0)
        obj, end = self.raw_decode(s, end)
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return self._scan(s, idx)
        except _StopScan as err:
            raise JSONDecodeError("Expecting value", s, err.args[0]) from None

    def _scan(self, s, idx):
        if idx >= len(s):
            raise _StopScan(idx)
        c = s[idx]
        if c == '"':
            return self._string(s, idx + 1)
        if c == '{':
            return self._object(s, idx + 1)
        if c == '[':
            return self._array(s, idx + 1)
        if c == 'n' and s.startswith('null', idx):
            return None, idx + 4
        if c == 't' and s.startswith('true', idx):
            return True, idx + 4
        if c == 'f' and s.startswith('false', idx):
            return False, idx + 5
        if c == 'N' and s.startswith('NaN', idx):
            return self.parse_constant('NaN'), idx + 3
        if c == 'I' and s.startswith('Infinity', idx):
            return self.parse_constant('Infinity'), idx + 8
        if c == '-' and s.startswith('-Infinity', idx):
            return self.parse_constant('-Infinity'), idx + 9
        return self._number(s, idx)

    def _number(self, s, idx):
        n = len(s)
        i = idx
        if i < n and s[i] == '-':
            i += 1
        if i < n and s[i] == '0':
            i += 1
        elif i < n and '1' <= s[i] <= '9':
            i += 1
            while i < n and '0' <= s[i] <= '9':
                i += 1
        else:
            raise _StopScan(idx)
        is_float = False
        if i + 1 < n and s[i] == '.' and '0' <= s[i + 1] <= '9':
            is_float = True
            i += 2
            while i < n and '0' <= s[i] <= '9':
                i += 1
        if i < n and s[i] in 'eE':
            j = i + 1
            if j < n and s[j] in '+-':
                j += 1
            if j < n and '0' <= s[j] <= '9':
                j += 1
                while j < n and '0' <= s[j] <= '9':
                    j += 1
                is_float = True
                i = j
        text = s[idx:i]
        if is_float:
            return self.parse_float(text), i
        return self.parse_int(text), i

    def _string(self, s, end):
        chunks = []
        begin = end - 1
        n = len(s)
        strict = self.strict
        while True:
            q = s.find('"', end)
            b = s.find('\\', end)
            stop = q if b < 0 or (0 <= q < b) else b
            if stop < 0:
                # Control characters come before "unterminated" (as CPython scans).
                if strict:
                    for k in range(end, n):
                        if ord(s[k]) < 0x20:
                            raise JSONDecodeError("Invalid control character at", s, k)
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            content = s[end:stop]
            if strict:
                for k in range(len(content)):
                    if ord(content[k]) < 0x20:
                        raise JSONDecodeError("Invalid control character at", s, end + k)
            chunks.append(content)
            end = stop + 1
            if s[stop] == '"':
                break
            if end >= n:
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            esc = s[end]
            if esc != 'u':
                if esc not in _BACKSLASH:
                    raise JSONDecodeError("Invalid \\escape", s, end - 1)
                chunks.append(_BACKSLASH[esc])
                end += 1
            else:
                uni = _decode_u(s, end)
                end += 5
                if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
                    uni2 = _decode_u(s, end + 1)
                    if 0xdc00 <= uni2 <= 0xdfff:
                        uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                        end += 6
                chunks.append(chr(uni))
        return ''.join(chunks), end

    def _object(self, s, end):
        pairs = []
        nextchar = s[end:end + 1]
        if nextchar != '"':
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            if nextchar == '}':
                if self.object_pairs_hook is not None:
                    return self.object_pairs_hook(pairs), end + 1
                pairs = {}
                if self.object_hook is not None:
                    pairs = self.object_hook(pairs)
                return pairs, end + 1
            elif nextchar != '"':
                raise JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, end)
        end += 1
        while True:
            key, end = self._string(s, end)
            end = _skip(s, end)
            if s[end:end + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip(s, end + 1)
            try:
                value, end = self._scan(s, end)
            except _StopScan as err:
                raise JSONDecodeError("Expecting value", s, err.args[0]) from None
            pairs.append((key, value))
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == '}':
                break
            elif nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                raise JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, end - 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        pairs = dict(pairs)
        if self.object_hook is not None:
            pairs = self.object_hook(pairs)
        return pairs, end

    def _array(self, s, end):
        values = []
        end = _skip(s, end)
        if s[end:end + 1] == ']':
            return values, end + 1
        while True:
            try:
                value, end = self._scan(s, end)
            except _StopScan as err:
                raise JSONDecodeError("Expecting value", s, err.args[0]) from None
            values.append(value)
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == ']':
                break
            elif nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
        return values, end


def _skip(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _decode_u(s, pos):
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and esc[1] not in 'xX':
        ok = True
        for ch in esc:
            if ch not in '0123456789abcdefABCDEF':
                ok = False
        if ok:
            return int(esc, 16)
    raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)


_default_decoder = JSONDecoder()


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if not isinstance(s, str):
        if isinstance(s, bytes):
            _lethe.unsupported("json.loads() of bytes")
        raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                        f'not {s.__class__.__name__}')
    if s.startswith('\ufeff'):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook,
               **kw).decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)
