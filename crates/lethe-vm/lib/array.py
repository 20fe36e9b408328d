"""array (lethe): typed arrays of numbers or characters with CPython 3.11's
behaviour: conversion and overflow errors of each typecode, the methods, slicing,
comparisons and repr.

Items are kept as Python values in a list (a 'f' item is rounded to single precision
when stored); tobytes/frombytes/byteswap go through struct in the machine's byte
order. The buffer protocol is not there: bytes(a) works (through __bytes__), but
memoryview, buffer_info() and writing an array to a file directly do not."""

import _lethe
import struct as _struct

__all__ = ['ArrayType', 'array', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'

# typecode -> (itemsize, struct code)
_INFO = {
    'b': (1, 'b'), 'B': (1, 'B'), 'u': (4, 'I'), 'h': (2, 'h'), 'H': (2, 'H'),
    'i': (4, 'i'), 'I': (4, 'I'), 'l': (8, 'q'), 'L': (8, 'Q'), 'q': (8, 'q'),
    'Q': (8, 'Q'), 'f': (4, 'f'), 'd': (8, 'd'),
}

_LONG_MIN = -(1 << 63)
_LONG_MAX = (1 << 63) - 1
_ULONG_MAX = (1 << 64) - 1


def _index(v):
    if isinstance(v, int):
        return int(v)
    f = getattr(type(v), '__index__', None)
    if f is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return f(v)


def _range(x, lo, hi, name):
    if x < lo:
        raise OverflowError('%s is less than minimum' % name)
    if x > hi:
        raise OverflowError('%s is greater than maximum' % name)


def _as_long(x):
    if x < _LONG_MIN or x > _LONG_MAX:
        raise OverflowError('Python int too large to convert to C long')


def _as_ulong(x):
    if x < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if x > _ULONG_MAX:
        raise OverflowError('Python int too large to convert to C unsigned long')


# The checks CPython's setitem functions make, in their order (arraymodule.c: the
# PyArg_Parse format of each type, then the type's own range).
def _conv_b(v):
    x = _index(v)
    _as_long(x)
    _range(x, -32768, 32767, 'signed short integer')
    _range(x, -128, 127, 'signed char')
    return x


def _conv_B(v):
    x = _index(v)
    _as_long(x)
    _range(x, 0, 255, 'unsigned byte integer')
    return x


def _conv_h(v):
    x = _index(v)
    _as_long(x)
    _range(x, -32768, 32767, 'signed short integer')
    return x


def _conv_H(v):
    x = _index(v)
    _as_long(x)
    _range(x, -2147483648, 2147483647, 'signed integer')
    _range(x, 0, 65535, 'unsigned short')
    return x


def _conv_i(v):
    x = _index(v)
    _as_long(x)
    _range(x, -2147483648, 2147483647, 'signed integer')
    return x


def _conv_I(v):
    x = _index(v)
    _as_ulong(x)
    if x > 4294967295:
        raise OverflowError('unsigned int is greater than maximum')
    return x


def _conv_l(v):
    x = _index(v)
    _as_long(x)
    return x


def _conv_L(v):
    x = _index(v)
    _as_ulong(x)
    return x


def _conv_q(v):
    x = _index(v)
    if x < _LONG_MIN or x > _LONG_MAX:
        raise OverflowError('int too big to convert')
    return x


def _conv_Q(v):
    x = _index(v)
    if x < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if x > _ULONG_MAX:
        raise OverflowError('int too big to convert')
    return x


def _conv_d(v):
    if isinstance(v, float):
        return v
    if isinstance(v, int):
        return float(v)
    f = getattr(type(v), '__float__', None)
    if f is None:
        if hasattr(type(v), '__index__'):
            return float(_index(v))
        raise TypeError('must be real number, not %s' % type(v).__name__)
    return f(v)


def _conv_f(v):
    x = _conv_d(v)
    if x != x or x in (float('inf'), float('-inf')):
        return x
    if abs(x) >= 3.4028235677973366e+38:
        # C's float cast: out of range rounds to infinity.
        return float('inf') if x > 0 else float('-inf')
    return _struct.unpack('f', _struct.pack('f', x))[0]


def _conv_u(v):
    if not isinstance(v, str) or len(v) != 1:
        raise TypeError('array item must be unicode character')
    return v


_CONV = {
    'b': _conv_b, 'B': _conv_B, 'u': _conv_u, 'h': _conv_h, 'H': _conv_H,
    'i': _conv_i, 'I': _conv_I, 'l': _conv_l, 'L': _conv_L, 'q': _conv_q,
    'Q': _conv_Q, 'f': _conv_f, 'd': _conv_d,
}


class array:
    """array(typecode [, initializer]) -> array

    Return a new array whose items are restricted by typecode, and
    initialized from the optional initializer value, which must be a list,
    a bytes-like object, or iterable over elements of the appropriate type."""

    __module__ = 'array'
    __lethe_tp_name__ = 'array.array'
    __slots__ = ('_tc', '_v', '__weakref__')

    def __new__(cls, *args, **kwargs):
        if kwargs and cls is array:
            raise TypeError('array.array() takes no keyword arguments')
        if not args:
            raise TypeError('array() takes at least 1 argument (0 given)')
        if len(args) > 2:
            raise TypeError('array() takes at most 2 arguments (%d given)' % len(args))
        typecode = args[0]
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s'
                            % type(typecode).__name__)
        if typecode not in _INFO:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self = object.__new__(cls)
        self._tc = typecode
        self._v = []
        if len(args) == 2:
            init = args[1]
            if isinstance(init, str):
                if typecode != 'u':
                    raise TypeError('cannot use a str to initialize an array with '
                                    "typecode '%s'" % typecode)
                self._v = list(init)
            elif isinstance(init, array):
                if init._tc == 'u' and typecode != 'u':
                    raise TypeError('cannot use a unicode array to initialize an array '
                                    "with typecode '%s'" % typecode)
                conv = _CONV[typecode]
                self._v = [conv(x) for x in init._v]
            elif isinstance(init, (bytes, bytearray)):
                self.frombytes(init)
            elif init is not None:
                self.extend(init)
        return self

    def __init__(self, *args, **kwargs):
        pass

    # -- attributes

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _INFO[self._tc][0]

    # -- sequence protocol

    def __len__(self):
        return len(self._v)

    def __iter__(self):
        return arrayiterator(self)

    def __contains__(self, x):
        return x in self._v

    def _same(self, values):
        a = object.__new__(type(self) if type(self) is array else array)
        a._tc = self._tc
        a._v = values
        return a

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._same(self._v[i])
        if not isinstance(i, int) and not hasattr(type(i), '__index__'):
            raise TypeError('array indices must be integers')
        i = _index(i)
        n = len(self._v)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError('array index out of range')
        return self._v[i]

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            if not isinstance(value, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(value).__name__)
            if value._tc != self._tc:
                raise TypeError('bad argument type for built-in operation')
            start, stop, step = i.indices(len(self._v))
            if step != 1:
                n = len(range(start, stop, step))
                if len(value._v) != n:
                    raise ValueError('attempt to assign array of size %d to extended '
                                     'slice of size %d' % (len(value._v), n))
            self._v[i] = list(value._v)
            return
        if not isinstance(i, int) and not hasattr(type(i), '__index__'):
            raise TypeError('array indices must be integers')
        i = _index(i)
        n = len(self._v)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError('array assignment index out of range')
        self._v[i] = _CONV[self._tc](value)

    def __delitem__(self, i):
        if isinstance(i, slice):
            del self._v[i]
            return
        if not isinstance(i, int) and not hasattr(type(i), '__index__'):
            raise TypeError('array indices must be integers')
        i = _index(i)
        n = len(self._v)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError('array assignment index out of range')
        del self._v[i]

    # -- operators

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array'
                            % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError('bad argument type for built-in operation')
        return self._same(self._v + other._v)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")'
                            % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError('can only extend with array of same kind')
        self._v.extend(other._v)
        return self

    def __mul__(self, n):
        if not isinstance(n, int) and not hasattr(type(n), '__index__'):
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % type(n).__name__)
        return self._same(self._v * _index(n))

    def __rmul__(self, n):
        if not isinstance(n, int) and not hasattr(type(n), '__index__'):
            return NotImplemented
        return self._same(self._v * _index(n))

    def __imul__(self, n):
        if not isinstance(n, int) and not hasattr(type(n), '__index__'):
            return NotImplemented
        self._v *= _index(n)
        return self

    def _cmp(self, other):
        if isinstance(other, array):
            return other._v
        return None

    def __eq__(self, other):
        o = self._cmp(other)
        return NotImplemented if o is None else self._v == o

    def __ne__(self, other):
        o = self._cmp(other)
        return NotImplemented if o is None else self._v != o

    def __lt__(self, other):
        o = self._cmp(other)
        return NotImplemented if o is None else self._v < o

    def __le__(self, other):
        o = self._cmp(other)
        return NotImplemented if o is None else self._v <= o

    def __gt__(self, other):
        o = self._cmp(other)
        return NotImplemented if o is None else self._v > o

    def __ge__(self, other):
        o = self._cmp(other)
        return NotImplemented if o is None else self._v >= o

    def __hash__(self):
        raise TypeError("unhashable type: 'array.array'")

    def __repr__(self):
        name = type(self).__name__ if type(self) is not array else 'array'
        if not self._v:
            return "%s('%s')" % (name, self._tc)
        if self._tc == 'u':
            return "%s('u', %r)" % (name, ''.join(self._v))
        return "%s('%s', %r)" % (name, self._tc, self._v)

    def __bytes__(self):
        return self.tobytes()

    def __copy__(self):
        return self._same(list(self._v))

    def __deepcopy__(self, memo):
        return self._same(list(self._v))

    def __reduce_ex__(self, protocol):
        return (type(self), (self._tc, self.tolist()), getattr(self, '__dict__', None))

    # -- methods

    def append(self, v):
        """Append new value v to the end of the array."""
        self._v.append(_CONV[self._tc](v))

    def extend(self, iterable):
        """Append items to the end of the array."""
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError('can only extend with array of same kind')
            self._v.extend(iterable._v)
            return
        conv = _CONV[self._tc]
        for x in iterable:
            self._v.append(conv(x))

    def insert(self, i, v):
        """Insert a new item v into the array before position i."""
        i = _index(i)
        self._v.insert(i, _CONV[self._tc](v))

    def pop(self, i=-1):
        """Return the i-th element and delete it from the array."""
        i = _index(i)
        n = len(self._v)
        if n == 0:
            raise IndexError('pop from empty array')
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError('pop index out of range')
        return self._v.pop(i)

    def remove(self, v):
        """Remove the first occurrence of v in the array."""
        for k, x in enumerate(self._v):
            if x == v:
                del self._v[k]
                return
        raise ValueError('array.remove(x): x not in array')

    def index(self, v, start=0, stop=None):
        """Return index of first occurrence of v in the array."""
        n = len(self._v)
        start = _index(start)
        stop = n if stop is None else _index(stop)
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop += n
        for k in range(start, min(stop, n)):
            if self._v[k] == v:
                return k
        raise ValueError('array.index(x): x not in array')

    def count(self, v):
        """Return number of occurrences of v in the array."""
        return sum(1 for x in self._v if x == v)

    def reverse(self):
        """Reverse the order of the items in the array."""
        self._v.reverse()

    def tolist(self):
        """Convert array to an ordinary list with the same items."""
        return list(self._v)

    def fromlist(self, lst):
        """Append items to array from list."""
        if not isinstance(lst, list):
            raise TypeError('arg must be list')
        conv = _CONV[self._tc]
        self._v.extend([conv(x) for x in lst])

    def _fmt(self, n):
        return '=%d%s' % (n, _INFO[self._tc][1])

    def tobytes(self):
        """Convert the array to an array of machine values and return the bytes
        representation."""
        vals = self._v
        if self._tc == 'u':
            vals = [ord(c) for c in vals]
        return _struct.pack(self._fmt(len(vals)), *vals)

    def frombytes(self, data):
        """Appends items from the string, interpreting it as an array of machine
        values, as if it had been read from a file using the fromfile() method."""
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if isinstance(data, array):
            data = data.tobytes()
        data = bytes(data)
        size = _INFO[self._tc][0]
        if len(data) % size:
            raise ValueError('bytes length not a multiple of item size')
        vals = _struct.unpack(self._fmt(len(data) // size), data)
        if self._tc == 'u':
            vals = [chr(c) for c in vals]
        self._v.extend(vals)

    def fromfile(self, f, n):
        """Read n objects from the file object f and append them to the end of the
        array."""
        n = _index(n)
        if n < 0:
            raise ValueError('negative count')
        size = _INFO[self._tc][0]
        data = f.read(n * size)
        if not isinstance(data, bytes):
            raise TypeError('read() didn\'t return bytes')
        whole = len(data) - len(data) % size
        self.frombytes(data[:whole])
        if len(data) != n * size:
            raise EOFError('read() didn\'t return enough bytes')

    def tofile(self, f):
        """Write all items (as machine values) to the file object f."""
        f.write(self.tobytes())

    def fromunicode(self, s):
        """Extends this array with data from the unicode string ustr."""
        if self._tc != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        if not isinstance(s, str):
            raise TypeError('fromunicode() argument must be str, not %s' % type(s).__name__)
        self._v.extend(s)

    def tounicode(self):
        """Extends this array with data from the unicode string ustr."""
        if self._tc != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._v)

    def byteswap(self):
        """Byteswap all items of the array."""
        size = _INFO[self._tc][0]
        if size == 1:
            return
        data = self.tobytes()
        out = bytearray()
        for k in range(0, len(data), size):
            out += data[k:k + size][::-1]
        del self._v[:]
        self.frombytes(bytes(out))

    def buffer_info(self):
        _lethe.unsupported('array.buffer_info() (no buffer protocol)')

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class arrayiterator:
    __module__ = 'array'
    __lethe_tp_name__ = 'array.arrayiterator'
    __slots__ = ('_a', '_i')

    def __init__(self, a):
        self._a = a
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        a = self._a
        if a is None:
            raise StopIteration
        i = self._i
        if i < len(a._v):
            self._i = i + 1
            return a._v[i]
        self._a = None
        raise StopIteration


ArrayType = array
