print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\x04\x00', 'little'))
print(int.from_bytes(b'\xff', 'big'), int.from_bytes(b'\xff', 'big', signed=True))
print(int.from_bytes(b'\xff\x00', 'little', signed=True), int.from_bytes(b'\x80\x00', 'big', signed=True))
print(int.from_bytes(b'', 'big'), int.from_bytes(b'', 'little', signed=True), int.from_bytes(b'\x01'))
print(int.from_bytes([1, 2], 'big'), int.from_bytes(bytearray(b'\x01\x00'), 'little'), int.from_bytes((255,), 'big'))
print(int.from_bytes(b'\x01' * 12, 'big'), int.from_bytes(b'\xff' * 9, 'big', signed=True))
print(int.from_bytes(bytes=b'\x10', byteorder='big'))
for n in [0, 1, -1, 255, -256, 2**40 + 3, -2**70]:
    size = (n.bit_length() + 8) // 8
    raw = n.to_bytes(size, 'little', signed=True)
    print(n, raw, int.from_bytes(raw, 'little', signed=True) == n)
for expr, f in [("str", lambda: int.from_bytes('ab', 'big')),
                ("bad order", lambda: int.from_bytes(b'a', 'mid')),
                ("int", lambda: int.from_bytes(5, 'big')),
                ("list range", lambda: int.from_bytes([256], 'big'))]:
    try:
        print(expr, f())
    except Exception as e:
        print(expr, type(e).__name__, e)
