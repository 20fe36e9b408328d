print(b'a,b,,c'.split(b','), b'a,b,c'.split(b',', 1), b'  a  b \t c\n'.split())
print(b'a b c'.split(None, 1), b''.split(), b''.split(b','), b'abc'.split(b'abc'))
print(b'a,b,c'.rsplit(b',', 1), b'  a  b  c  '.rsplit(None, 1), b'a::b::c'.rsplit(b'::'))
print(b'x'.split(maxsplit=0), b' x y '.split(maxsplit=1), b'a-b-c'.split(sep=b'-'))
print(b'line1\nline2\r\nline3\rlast'.splitlines(), b'a\nb\n'.splitlines(True), b''.splitlines())
print(b', '.join([b'a', b'b', bytearray(b'c')]), b''.join([]), b'-'.join(b'x' for _ in range(3)))
print(bytearray(b'+').join([b'1', b'2']), type(bytearray(b'+').join([])).__name__)
print(b'key=value=x'.partition(b'='), b'abc'.partition(b'z'))
print(b'key=value=x'.rpartition(b'='), b'abc'.rpartition(b'z'))
print(bytearray(b'a b').split(), bytearray(b'a=b').partition(b'='))
for expr, f in [("split str", lambda: b'a b'.split(' ')), ("split empty", lambda: b'ab'.split(b'')),
                ("join str item", lambda: b','.join([b'a', 'b'])), ("join int", lambda: b','.join([1])),
                ("partition empty", lambda: b'ab'.partition(b'')),
                ("rsplit str", lambda: b'a'.rsplit('a'))]:
    try:
        print(expr, f())
    except Exception as e:
        print(expr, type(e).__name__, e)
