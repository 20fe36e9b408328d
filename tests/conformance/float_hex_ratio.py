# float.hex / float.fromhex, int.as_integer_ratio / bit_count.
vals = [0.0, -0.0, 1.0, 1.5, -2.75, 0.1, 1 / 3, 5e-324, 2.2250738585072014e-308,
        2.225073858507201e-308, 1.7976931348623157e308, 1e300, 1e-300, 123456.789,
        float('inf'), float('-inf'), float('nan'), 2.0 ** 52, 3.0 * 2 ** -1070]
for v in vals:
    h = v.hex()
    back = float.fromhex(h)
    print(repr(v), h, back == v or v != v)
for s in ['0x1p0', '0X1.8P+1', ' -0x.8p1 ', '1', 'a', 'ff.8', '0x1.fffffffffffff8p0',
          '0x1.fffffffffffff7p0', '0x1.fffffffffffff9p0', '0x1p-1074', '0x1p-1075',
          '0x1.8p-1075', '0x1.0000000000001p-1075', '0x3p-1076', 'inf', '-Infinity', 'nan',
          '+0x0p0', '-0x0.0p+10', '0x1p1023', '0x1.fffffffffffffp1023',
          '0x1.fffffffffffff8p1023', '0x1p1024', '', 'x', '0x', '0x.p1', '0x1p', '0x1p+',
          '0x1.2.3', '0x0p99999999999999999999', '0x1p-99999999999999999999',
          '1_0', '0x10.8p-4', '\t0xABCp-8\n', '0x.0000001p40']:
    try:
        print(repr(s), repr(float.fromhex(s)))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)
try:
    float.fromhex(1.5)
except TypeError as e:
    print('TypeError', e)
print(float.fromhex('0x1.999999999999ap-4') == 0.1)
for n in [7, -5, 0, True, False, 10 ** 30, -(2 ** 70)]:
    print(repr(n), n.as_integer_ratio(), n.bit_count(), n.bit_length())
for f in [0.5, -0.75, 0.1, 1e-320, 3.0, 2.0 ** 60]:
    print(repr(f), f.as_integer_ratio(), f.is_integer())
for bad in [float('inf'), float('nan')]:
    try:
        bad.as_integer_ratio()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
total = 0
for i in range(1, 2000):
    total += (i * 2654435761).bit_count()
print(total)
