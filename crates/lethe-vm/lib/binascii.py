"""binascii (lethe): base64 and hex conversions and crc32, in Python, with
CPython's error messages."""

__all__ = ["Error", "Incomplete", "a2b_base64", "b2a_base64", "hexlify",
           "unhexlify", "b2a_hex", "a2b_hex", "crc32"]


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


Error.__module__ = "binascii"
Incomplete.__module__ = "binascii"

_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64REV = [255] * 256
for _i, _c in enumerate(_B64):
    _B64REV[_c] = _i
del _i, _c


def _data(s, what="a bytes-like object"):
    if isinstance(s, (bytes, bytearray)):
        return bytes(s)
    if isinstance(s, str):
        try:
            return s.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters")
    raise TypeError("argument should be bytes, buffer or ASCII string, not '%s'"
                    % type(s).__name__)


def _binary(s):
    if isinstance(s, (bytes, bytearray)):
        return bytes(s)
    raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)


def b2a_base64(data, *, newline=True):
    data = _binary(data)
    out = bytearray()
    tab = _B64
    n = len(data)
    i = 0
    while i + 3 <= n:
        c = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((tab[c >> 18], tab[(c >> 12) & 63], tab[(c >> 6) & 63], tab[c & 63]))
        i += 3
    rest = n - i
    if rest == 1:
        c = data[i] << 16
        out += bytes((tab[c >> 18], tab[(c >> 12) & 63])) + b"=="
    elif rest == 2:
        c = (data[i] << 16) | (data[i + 1] << 8)
        out += bytes((tab[c >> 18], tab[(c >> 12) & 63], tab[(c >> 6) & 63])) + b"="
    if newline:
        out += b"\n"
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    """CPython's binascii_a2b_base64_impl: non-alphabet characters are skipped
    (an error in strict mode), a complete pad sequence ends the data."""
    data = _data(data)
    out = bytearray()
    quad_pos = 0
    leftchar = 0
    pads = 0
    padding_started = False
    if strict_mode and data[:1] == b"=":
        raise Error("Leading padding not allowed")
    n = len(data)
    for i in range(n):
        ch = data[i]
        if ch == 61:
            padding_started = True
            if quad_pos >= 2:
                pads += 1
                if quad_pos + pads >= 4:
                    if strict_mode and i + 1 < n:
                        raise Error("Excess data after padding")
                    return bytes(out)
            continue
        v = _B64REV[ch]
        if v >= 64:
            if strict_mode:
                raise Error("Only base64 data is allowed")
            continue
        if strict_mode and padding_started:
            raise Error("Discontinuous padding not allowed")
        pads = 0
        if quad_pos == 0:
            quad_pos = 1
            leftchar = v
        elif quad_pos == 1:
            quad_pos = 2
            out.append(((leftchar << 2) | (v >> 4)) & 0xFF)
            leftchar = v & 0x0F
        elif quad_pos == 2:
            quad_pos = 3
            out.append(((leftchar << 4) | (v >> 2)) & 0xFF)
            leftchar = v & 0x03
        else:
            quad_pos = 0
            out.append(((leftchar << 6) | v) & 0xFF)
            leftchar = 0
    if quad_pos != 0:
        if quad_pos == 1:
            raise Error("Invalid base64-encoded string: number of data characters "
                        "(%d) cannot be 1 more than a multiple of 4"
                        % (len(out) // 3 * 4 + 1))
        raise Error("Incorrect padding")
    return bytes(out)


def hexlify(data, sep=None, bytes_per_sep=1):
    data = _binary(data)
    if sep is None:
        return data.hex().encode("ascii")
    return data.hex(sep, bytes_per_sep).encode("ascii")


b2a_hex = hexlify


def unhexlify(hexstr):
    s = _data(hexstr)
    if len(s) % 2:
        raise Error("Odd-length string")
    try:
        return bytes.fromhex(s.decode("ascii"))
    except ValueError:
        raise Error("Non-hexadecimal digit found") from None


a2b_hex = unhexlify

_CRC_TABLE = []
for _n in range(256):
    _c = _n
    for _k in range(8):
        _c = (0xEDB88320 ^ (_c >> 1)) if _c & 1 else (_c >> 1)
    _CRC_TABLE.append(_c)
del _n, _c, _k


def crc32(data, crc=0):
    data = _binary(data)
    crc = (~crc) & 0xFFFFFFFF
    tab = _CRC_TABLE
    for b in data:
        crc = tab[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return (~crc) & 0xFFFFFFFF
