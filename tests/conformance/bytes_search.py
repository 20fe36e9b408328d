b = b'abracadabra'
print(b.find(b'bra'), b.find(b'bra', 2), b.find(b'zz'), b.find(97), b.find(b''), b.find(b'', 20))
print(b.rfind(b'bra'), b.rfind(b'a', 0, 5), b.rfind(100), b.rfind(b''))
print(b.index(b'cad'), b.rindex(b'a'), b.index(98, 2))
print(b.count(b'a'), b.count(b'bra'), b.count(b''), b.count(97, 1, 4), b.count(b'zz'))
print(b.startswith(b'abr'), b.startswith(b'bra', 1), b.startswith((b'x', b'ab')), b.startswith(b''))
print(b.endswith(b'bra'), b.endswith(b'cad', 0, 7), b.endswith((b'a', b'z')), b.endswith(b'abra', -4))
print(b.find(b'a', -3), b.find(b'a', None, 3), b.count(b'a', -100, 100))
ba = bytearray(b'hello')
print(ba.find(b'l'), ba.rfind(bytearray(b'l')), ba.count(108), ba.index(b'o'), ba.startswith(b'he'))
for expr, f in [("find str", lambda: b.find('a')), ("index missing", lambda: b.index(b'zz')),
                ("rindex missing", lambda: ba.rindex(b'z')), ("find 256", lambda: b.find(256)),
                ("startswith str", lambda: b.startswith('a')),
                ("startswith tuple str", lambda: b.startswith(('a',))),
                ("endswith list", lambda: b.endswith([b'a'])), ("count none", lambda: b.count()),
                ("find float", lambda: b.find(1.5))]:
    try:
        print(expr, f())
    except Exception as e:
        print(expr, type(e).__name__, e)
