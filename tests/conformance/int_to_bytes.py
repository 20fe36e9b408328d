print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (1024).to_bytes(4, byteorder='big'))
print((0).to_bytes(0, 'big'), (0).to_bytes(3, 'little'), (255).to_bytes(1, 'big'), (5).to_bytes())
print((-1).to_bytes(1, 'big', signed=True), (-1).to_bytes(4, 'little', signed=True))
print((-128).to_bytes(1, 'big', signed=True), (127).to_bytes(1, 'big', signed=True))
print((2**64).to_bytes(9, 'little'), (2**100 + 7).to_bytes(13, 'big'))
print((-2**63).to_bytes(8, 'big', signed=True), (2**63 - 1).to_bytes(8, 'big', signed=True))
print(True.to_bytes(1, 'big'), (65).to_bytes(length=1, byteorder='little', signed=False))
for expr, f in [("256 in 1", lambda: (256).to_bytes(1, 'big')),
                ("neg unsigned", lambda: (-1).to_bytes(1, 'big')),
                ("128 signed", lambda: (128).to_bytes(1, 'big', signed=True)),
                ("-129 signed", lambda: (-129).to_bytes(1, 'big', signed=True)),
                ("1 in 0", lambda: (1).to_bytes(0, 'big')),
                ("bad order", lambda: (1).to_bytes(1, 'middle')),
                ("neg length", lambda: (1).to_bytes(-1, 'big')),
                ("order int", lambda: (1).to_bytes(1, 5)),
                ("300 default", lambda: (300).to_bytes())]:
    try:
        print(expr, f())
    except Exception as e:
        print(expr, type(e).__name__, e)
