print(b'%s and %s' % (b'this', bytearray(b'that')))
print(b'%d %i %5d|%-5d|%05d' % (1, 2, 3, 4, 5))
print(b'%x %X %o %#x %c %c' % (255, 255, 8, 255, 65, b'B'))
print(b'%.2f %e %g %10.3f|' % (3.14159, 12345.678, 0.0001, 2.5))
print(b'%r %a' % ('é', b'x'))
print(b'%b' % b'bin', b'100%%', b'%(name)s=%(val)d' % {b'name': b'k', b'val': 3})
print(bytearray(b'%s!') % b'ba', b'%s' % (b'tuple',))
print(b'%*d|%-*d|' % (4, 7, 3, 8))
for expr, f in [("str arg", lambda: b'%s' % 'x'), ("int for s", lambda: b'%s' % 5),
                ("too few", lambda: b'%s %s' % (b'a',)), ("too many", lambda: b'%s' % (b'a', b'b')),
                ("c range", lambda: b'%c' % 300), ("d str", lambda: b'%d' % 'x')]:
    try:
        print(expr, f())
    except Exception as e:
        print(expr, type(e).__name__, e)
