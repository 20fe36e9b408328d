# A tiny hexdump, checksum and run-length codec over bytes.
import struct

def hexdump(data, width=8):
    for off in range(0, len(data), width):
        chunk = data[off:off + width]
        hexes = ' '.join('%02x' % b for b in chunk)
        text = ''.join(chr(b) if 32 <= b < 127 else '.' for b in chunk)
        print('%04x  %-*s  |%s|' % (off, width * 3 - 1, hexes, text))

def checksum(data):
    s = 0
    for b in data:
        s = (s * 31 + b) & 0xffffffff
    return s

def rle_encode(data):
    out = bytearray()
    i = 0
    while i < len(data):
        j = i
        while j < len(data) and data[j] == data[i] and j - i < 255:
            j += 1
        out += bytes([j - i, data[i]])
        i = j
    return bytes(out)

def rle_decode(data):
    out = bytearray()
    for k in range(0, len(data), 2):
        out.extend(data[k + 1:k + 2] * data[k])
    return bytes(out)

payload = b'Hello, \x00\x01\x02 world! ' + bytes(range(120, 135)) + b'aaaaaaaabbbc'
hexdump(payload)
print(checksum(payload), hex(checksum(payload)))
enc = rle_encode(payload)
print(len(payload), len(enc), rle_decode(enc) == payload)
print(enc[:12])
record = struct.pack('>4sHI', b'LETH', 3, checksum(payload))
print(record.hex(' '), struct.unpack('>4sHI', record))
words = b'the quick brown fox jumps over the lazy dog'.split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(b' '.join(w.capitalize() for w in words))
print(bytes(b ^ 0x20 for b in b'XOR Me'), bytearray(b'abc').hex(), bytes.fromhex('4c 45 54 48 45').decode())
