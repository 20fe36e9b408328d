# base64, binascii and errno: encodings, CPython's lenient and strict decoding, errors.
import base64
import binascii
import errno
import os

print(errno.ENOENT, errno.EACCES, errno.errorcode[errno.EEXIST], errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[11])
try:
    os.listdir("/nonexistent-dir-xyz")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
for data in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256))[:40], "héllo".encode()]:
    enc = base64.b64encode(data)
    print(enc, base64.b64decode(enc) == data, base64.b32encode(data), base64.b16encode(data),
          base64.urlsafe_b64encode(data), base64.b32hexencode(data))
    assert base64.b32decode(base64.b32encode(data)) == data
    assert base64.b16decode(base64.b16encode(data)) == data
print(base64.b64decode("Zm9v YmFy\n"), base64.b64decode(b"Zm9vYg=="), base64.b64decode("Zm9vYg==garbage"), base64.b64decode(b"Zm9vYg=x="))
print(base64.urlsafe_b64decode("-_-_"), base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b64decode("-_8=", altchars="-_"))
print(base64.encodebytes(b"x" * 100), base64.decodebytes(b"eHh4\n"), base64.standard_b64encode(b"ab"))
print(base64.b32decode("mzxw6===", casefold=True), base64.b16decode("666f", casefold=True), base64.b32decode("MZXW6YQ=", map01="L"))
for bad in ["Zm9vY", "Zm9vYmE", "abc", "=", "Zg"]:
    try:
        print(base64.b64decode(bad))
    except binascii.Error as e:
        print("Error", e)
for bad, kw in [("Zm9v!", {"validate": True}), ("=Zm9v", {"validate": True}), ("Zm9v=", {"validate": True}), ("Zg==Zg==", {"validate": True})]:
    try:
        print(base64.b64decode(bad, **kw))
    except binascii.Error as e:
        print("Error", e)
for f, arg in [(base64.b64decode, "é"), (base64.b64decode, 5), (base64.b64encode, "str"), (base64.b16decode, "0g"),
               (base64.b32decode, "A"), (base64.b32decode, "AAAAAAA!"), (binascii.unhexlify, "abc"), (binascii.unhexlify, "zz")]:
    try:
        print(f(arg))
    except Exception as e:
        print(type(e).__name__, e)
print(binascii.hexlify(b"\x01\xff"), binascii.hexlify(b"\x01\x02\x03", "-"), binascii.unhexlify("01ff"), binascii.b2a_base64(b"hi"))
print(binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")), hex(binascii.crc32(b"")))
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__)
for bad in ["Zm9v==", "Zm=9v", "Zg=\n=", "Z===", "Zm9vYg="]:
    for v in (False, True):
        try:
            print(repr(bad), v, base64.b64decode(bad, validate=v))
        except binascii.Error as e:
            print(repr(bad), v, "Error", e)
