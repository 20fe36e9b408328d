"""Packing values into bytes and back (lethe's struct; the work is native, in _lethe)."""

import _lethe


class error(Exception):
    pass


def calcsize(format):
    return _lethe.struct_calcsize(error, format)


def pack(format, *values):
    return _lethe.struct_pack(error, format, values)


def pack_into(format, buffer, offset, *values):
    data = _lethe.struct_pack(error, format, values)
    n = len(buffer)
    if offset < 0:
        offset += n
    if offset < 0 or offset + len(data) > n:
        raise error("pack_into requires a buffer of at least %d bytes for packing %d bytes "
                    "at offset %d (actual buffer size is %d)"
                    % (offset + len(data), len(data), offset, n))
    buffer[offset:offset + len(data)] = data


def unpack(format, buffer):
    return _lethe.struct_unpack(error, format, buffer, 0, False)


def unpack_from(format, buffer, offset=0):
    return _lethe.struct_unpack(error, format, buffer, offset, True)


def iter_unpack(format, buffer):
    return iter(_lethe.struct_iter_unpack(error, format, buffer))


class Struct:
    def __init__(self, format):
        self.size = _lethe.struct_calcsize(error, format)
        self.format = format if isinstance(format, str) else format.decode('ascii')
        self._fmt = format

    def pack(self, *values):
        return _lethe.struct_pack(error, self._fmt, values)

    def pack_into(self, buffer, offset, *values):
        pack_into(self._fmt, buffer, offset, *values)

    def unpack(self, buffer):
        return _lethe.struct_unpack(error, self._fmt, buffer, 0, False)

    def unpack_from(self, buffer, offset=0):
        return _lethe.struct_unpack(error, self._fmt, buffer, offset, True)

    def iter_unpack(self, buffer):
        return iter(_lethe.struct_iter_unpack(error, self._fmt, buffer))

    def __repr__(self):
        return 'Struct(%r)' % (self.format,)
