import struct
header = struct.pack('<HH', 1, 2)
print(struct.unpack('<HH', header))
print(struct.unpack('<HHI', header))
