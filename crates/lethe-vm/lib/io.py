"""Streams (lethe's io): StringIO, BytesIO and the files open() returns.

Files are Python objects over native handles in _lethe (file_open, file_read, ...),
which write straight to the OS; text files decode in chunks of 8 KiB."""

import _lethe

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class StringIO:
    __lethe_tp_name__ = '_io.StringIO'
    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        if newline not in (None, '', '\n'):
            _lethe.unsupported("StringIO newline=%r" % (newline,))
        self._buf = initial_value
        self._pos = 0
        self.closed = False

    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def getvalue(self):
        self._check()
        return self._buf

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        if n == 0:
            return 0
        pos = self._pos
        buf = self._buf
        if pos > len(buf):
            buf = buf + '\0' * (pos - len(buf))
        if pos == len(buf):
            self._buf = buf + s
        else:
            self._buf = buf[:pos] + s + buf[pos + n:]
        self._pos = pos + n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            end = len(self._buf)
        else:
            end = min(len(self._buf), self._pos + size)
        if self._pos >= end:
            return ''
        s = self._buf[self._pos:end]
        self._pos = end
        return s

    def readline(self, size=-1):
        self._check()
        buf = self._buf
        if self._pos >= len(buf):
            return ''
        i = buf.find('\n', self._pos)
        end = len(buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        s = buf[self._pos:end]
        self._pos = end
        return s

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._buf)
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        self._buf = self._buf[:size]
        return size

    def close(self):
        self.closed = True

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        self._check()

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()



def _closed_error():
    return ValueError("I/O operation on closed file.")


class BytesIO:
    __lethe_tp_name__ = '_io.BytesIO'
    __module__ = '_io'

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        if isinstance(initial_bytes, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        self._buf = bytearray(initial_bytes)
        self._pos = 0
        self.closed = False

    def _check(self):
        if self.closed:
            raise _closed_error()

    def getvalue(self):
        self._check()
        return bytes(self._buf)

    def getbuffer(self):
        _lethe.unsupported("BytesIO.getbuffer()")

    def write(self, b):
        self._check()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        b = bytes(b)
        n = len(b)
        if n == 0:
            return 0
        pos = self._pos
        if pos > len(self._buf):
            self._buf.extend(bytes(pos - len(self._buf)))
        self._buf[pos:pos + n] = b
        self._pos = pos + n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            end = len(self._buf)
        else:
            end = min(len(self._buf), self._pos + size)
        if self._pos >= end:
            return b''
        b = bytes(self._buf[self._pos:end])
        self._pos = end
        return b

    read1 = read

    def readline(self, size=-1):
        self._check()
        buf = self._buf
        if self._pos >= len(buf):
            return b''
        i = buf.find(b'\n', self._pos)
        end = len(buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        b = bytes(buf[self._pos:end])
        self._pos = end
        return b

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("negative size value %d" % size)
        del self._buf[size:]
        return size

    def close(self):
        self.closed = True

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        self._check()

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()


class _File:
    """What binary and text files share: the handle, the mode, closing."""

    def _init(self, h, name, mode, readable, writable):
        self._h = h
        self.name = name
        self.mode = mode
        self._readable = readable
        self._writable = writable
        self.closed = False

    def _check(self):
        if self.closed:
            raise _closed_error()

    def close(self):
        if not self.closed:
            self.closed = True
            _lethe.file_close(self._h)

    def __del__(self):
        self.close()

    def fileno(self):
        self._check()
        return self._h + 3

    def isatty(self):
        self._check()
        return False

    def flush(self):
        self._check()

    def readable(self):
        self._check()
        return self._readable

    def writable(self):
        self._check()
        return self._writable

    def seekable(self):
        self._check()
        return True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)


class _Buffered(_File):
    __module__ = '_io'

    def __init__(self, h, name, mode, readable, writable):
        self._init(h, name, mode, readable, writable)

    def __repr__(self):
        return '<_io.%s name=%r>' % (type(self).__name__, self.name)

    def read(self, size=-1):
        self._check()
        if not self._readable:
            raise UnsupportedOperation("read")
        if size is None:
            size = -1
        return _lethe.file_read(self._h, size)

    read1 = read

    def readline(self, size=-1):
        self._check()
        if not self._readable:
            raise UnsupportedOperation("readline")
        if size is None:
            size = -1
        return _lethe.file_readline(self._h, size)

    def write(self, b):
        self._check()
        if not self._writable:
            raise UnsupportedOperation("write")
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return _lethe.file_write(self._h, bytes(b))

    def seek(self, pos, whence=0):
        self._check()
        if whence not in (0, 1, 2):
            raise ValueError("whence value %d unsupported" % whence)
        return _lethe.file_seek(self._h, pos, whence)

    def tell(self):
        self._check()
        return _lethe.file_tell(self._h)

    def truncate(self, size=None):
        self._check()
        if not self._writable:
            raise UnsupportedOperation("truncate")
        if size is None:
            size = self.tell()
        return _lethe.file_truncate(self._h, size)


class BufferedReader(_Buffered):
    pass


class BufferedWriter(_Buffered):
    pass


class BufferedRandom(_Buffered):
    pass


# Encodings that write a byte order mark first, and the same without it.
_NO_BOM = {'utf-16': 'utf-16-le', 'utf16': 'utf-16-le', 'utf-32': 'utf-32-le',
           'utf32': 'utf-32-le', 'utf-8-sig': 'utf-8', 'utf8-sig': 'utf-8'}


class TextIOWrapper(_File):
    __module__ = '_io'

    def __init__(self, h, name, mode, readable, writable, encoding, errors, newline):
        self._init(h, name, mode, readable, writable)
        self.encoding = encoding
        self.errors = errors
        self._newline = newline
        self._text = ''
        self._tpos = 0
        self._pending = b''
        self._cr = False
        self._eof = False
        self._translated = False

    def __repr__(self):
        return '<_io.TextIOWrapper name=%r mode=%r encoding=%r>' % (
            self.name, self.mode, self.encoding)

    @property
    def newlines(self):
        return None

    def _fill(self):
        raw = _lethe.file_read(self._h, 8192)
        last = not raw
        text, used = _lethe.decode(self._pending + raw, self.encoding, self.errors, last)
        self._pending = (self._pending + raw)[used:]
        if self._cr:
            text = '\r' + text
            self._cr = False
        if self._newline is None:
            if text.endswith('\r') and not last:
                text = text[:-1]
                self._cr = True
            if '\r' in text:
                self._translated = True
                text = text.replace('\r\n', '\n').replace('\r', '\n')
        elif self._newline == '' and text.endswith('\r') and not last:
            text = text[:-1]
            self._cr = True
        self._text = self._text[self._tpos:] + text
        self._tpos = 0
        if last:
            self._eof = True

    def _check_read(self):
        self._check()
        if not self._readable:
            raise UnsupportedOperation("not readable")

    def read(self, size=-1):
        self._check_read()
        if size is None or size < 0:
            while not self._eof:
                self._fill()
            s = self._text[self._tpos:]
            self._text = ''
            self._tpos = 0
            return s
        while len(self._text) - self._tpos < size and not self._eof:
            self._fill()
        s = self._text[self._tpos:self._tpos + size]
        self._tpos += len(s)
        return s

    def _find_eol(self, start):
        """Index just past the end of the line starting at start, or -1."""
        t = self._text
        nl = self._newline
        if nl is None or nl == '\n':
            i = t.find('\n', start)
            return -1 if i < 0 else i + 1
        if nl == '':
            i = t.find('\n', start)
            j = t.find('\r', start)
            if j >= 0 and (i < 0 or j < i):
                if j + 1 < len(t) or self._eof:
                    return j + 2 if t[j + 1:j + 2] == '\n' else j + 1
                return -1
            return -1 if i < 0 else i + 1
        i = t.find(nl, start)
        return -1 if i < 0 else i + len(nl)

    def readline(self, size=-1):
        self._check_read()
        if size is None:
            size = -1
        while True:
            end = self._find_eol(self._tpos)
            if end >= 0 or self._eof:
                break
            if size >= 0 and len(self._text) - self._tpos >= size:
                break
            self._fill()
        if end < 0:
            end = len(self._text)
        if size >= 0:
            end = min(end, self._tpos + size)
        s = self._text[self._tpos:end]
        self._tpos = end
        return s

    def write(self, s):
        self._check()
        if not self._writable:
            raise UnsupportedOperation("not writable")
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        n = len(s)
        if self._newline not in (None, '', '\n'):
            s = s.replace('\n', self._newline)
        if self._text or self._pending:
            _lethe.file_seek(self._h, self.tell(), 0)
            self._discard()
        enc = self.encoding
        nobom = _NO_BOM.get(enc.lower().replace('_', '-'))
        if nobom is not None and ('a' in self.mode and _lethe.file_seek(self._h, 0, 2)
                                  or _lethe.file_tell(self._h) > 0):
            # The byte order mark starts the file only (CPython's encoder state).
            enc = nobom
        data = s.encode(enc, self.errors)
        _lethe.file_write(self._h, data)
        return n

    def _discard(self):
        self._text = ''
        self._tpos = 0
        self._pending = b''
        self._cr = False
        self._eof = False

    def tell(self):
        self._check()
        pos = _lethe.file_tell(self._h)
        rest = self._text[self._tpos:]
        if not rest and not self._pending and not self._cr:
            return pos
        if self._translated:
            _lethe.unsupported("tell() on a text file after reading \\r line endings")
        back = len(rest.encode(self.encoding, self.errors)) + len(self._pending) + self._cr
        return pos - back

    def seek(self, cookie, whence=0):
        self._check()
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            return self.tell()
        if whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self._discard()
            return _lethe.file_seek(self._h, 0, 2)
        if whence != 0:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        if cookie < 0:
            raise ValueError("negative seek position %d" % cookie)
        self._discard()
        return _lethe.file_seek(self._h, cookie, 0)

    def truncate(self, size=None):
        self._check()
        if not self._writable:
            raise UnsupportedOperation("truncate")
        if size is None:
            size = self.tell()
        self._discard()
        return _lethe.file_truncate(self._h, size)


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    if isinstance(file, int) and not isinstance(file, bool):
        _lethe.unsupported("open() of a file descriptor")
    if not isinstance(file, (str, bytes, bytearray)) and hasattr(type(file), '__fspath__'):
        import os
        file = os.fspath(file)
    if not isinstance(file, str):
        if isinstance(file, (bytes, bytearray)):
            _lethe.unsupported("open() of a bytes path")
        raise TypeError("expected str, bytes or os.PathLike object, not %s"
                        % type(file).__name__)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("open() argument 'encoding' must be str or None, not %s"
                        % type(encoding).__name__)
    if errors is not None and not isinstance(errors, str):
        raise TypeError("open() argument 'errors' must be str or None, not %s"
                        % type(errors).__name__)
    seen = ''
    for c in mode:
        if c not in 'rwaxbt+U' or c in seen:
            raise ValueError("invalid mode: %r" % mode)
        seen += c
    text = 't' in mode
    binary = 'b' in mode
    kinds = ('r' in mode) + ('w' in mode) + ('a' in mode) + ('x' in mode)
    if 'U' in mode:
        _lethe.unsupported("open() mode 'U'")
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if kinds > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        pass
    if not binary and buffering == 0:
        raise ValueError("can't have unbuffered text I/O")
    if newline is not None and not isinstance(newline, str):
        raise TypeError("open() argument 'newline' must be str or None, not %s"
                        % type(newline).__name__)
    if newline not in (None, '', '\n', '\r', '\r\n'):
        raise ValueError("illegal newline value: %s" % newline)
    if kinds != 1:
        raise ValueError("Must have exactly one of create/read/write/append mode "
                         "and at most one plus")
    if not closefd or opener is not None:
        _lethe.unsupported("open() with closefd or opener")
    plus = '+' in mode
    if 'r' in mode:
        kind = 'r'
    elif 'w' in mode:
        kind = 'w'
    elif 'a' in mode:
        kind = 'a'
    else:
        kind = 'x'
    readable = kind == 'r' or plus
    writable = kind != 'r' or plus
    if not binary:
        if encoding is None:
            encoding = 'utf-8'
        ''.encode(encoding)
        if errors is None:
            errors = 'strict'
    h = _lethe.file_open(file, kind + ('+' if plus else ''))
    if binary:
        if kind == 'x':
            bmode = 'xb'
        elif kind == 'a':
            bmode = 'ab'
        elif plus:
            bmode = 'rb'
        else:
            bmode = kind + 'b'
        if plus:
            bmode += '+'
        if plus:
            return BufferedRandom(h, file, bmode, readable, writable)
        if readable:
            return BufferedReader(h, file, bmode, readable, writable)
        return BufferedWriter(h, file, bmode, readable, writable)
    return TextIOWrapper(h, file, mode, readable, writable, encoding, errors, newline)


class _Stdin:
    """sys.stdin: text lines from the process's standard input (shared with input())."""
    __module__ = '_io'

    name = '<stdin>'
    mode = 'r'
    encoding = 'utf-8'
    errors = 'strict'
    closed = False

    def __repr__(self):
        return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"

    def read(self, size=-1):
        return _lethe.stdin_read(size)

    def readline(self, size=-1):
        return _lethe.stdin_readline(size)

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = _lethe.stdin_readline(-1)
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        return self

    def __next__(self):
        line = _lethe.stdin_readline(-1)
        if not line:
            raise StopIteration
        return line

    def fileno(self):
        return 0

    def isatty(self):
        return False

    def readable(self):
        return True

    def writable(self):
        return False

    def seekable(self):
        return False

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass
