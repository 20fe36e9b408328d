buf = bytearray()
for v in [10, 200, 255]:
    buf.append(v)
print(buf)
buf.append(256)
