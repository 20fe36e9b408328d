import struct
for fmt in ['', 'b', 'h', 'i', 'l', 'q', 'f', 'd', '?', 'c', 's', '10s', 'x', '3x', 'P', 'n', 'N',
            '@bi', '=bi', '<bi', '>bi', '!bi', '@bq', '@ihb', '@ihb0i', '@bhbi', 'bih', 'i i', '@c d',
            '<l', '@l', '<L', '<q', '4p', '@hq', '@bd', '=bd']:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack('@bi', 1, 2), struct.pack('=bi', 1, 2), struct.pack('@bhbi', 1, 2, 3, 4))
print(struct.unpack('@bi', struct.pack('@bi', -5, 99)))
print(len(struct.pack('@bq', 1, 2)), struct.pack('@ihb0i', 1, 2, 3))
print(struct.pack('@l', -1) == struct.pack('<q', -1), struct.pack('@L', 5) == struct.pack('<Q', 5))
print(struct.pack('n', -3) == struct.pack('<q', -3), struct.unpack('N', struct.pack('N', 9)))
