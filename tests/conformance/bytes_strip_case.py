print(b'  hi  '.strip(), b'xxhixx'.strip(b'x'), b'\t\n hi'.lstrip(), b'hi \r\n'.rstrip())
print(b'abcba'.strip(b'ab'), b'abc'.lstrip(b'a'), b'abc'.rstrip(b'c'), b'abc'.strip(None))
print(b'hello'.replace(b'l', b'L'), b'hello'.replace(b'l', b'', 1), b'abc'.replace(b'', b'-'))
print(b'aaa'.replace(b'a', b'b', 2), b'abc'.replace(b'x', b'y'), b'ab'.replace(b'', b'.', 2))
print(b'Hello World'.upper(), b'Hello World'.lower(), b'Hello'.swapcase())
print(b'hello world'.capitalize(), b'hello world'.title(), b'\xe9a'.upper())
print(b'123'.isdigit(), b'12a'.isdigit(), b'abc'.isalpha(), b'ab1'.isalnum(), b' \t'.isspace())
print(b'ABC'.isupper(), b'abc'.islower(), b'aBc'.islower(), b''.isdigit(), b'\x80'.isascii())
print(b'ab'.center(6), b'ab'.center(7, b'*'), b'ab'.ljust(5, b'.'), b'ab'.rjust(5), b'42'.zfill(5), b'-7'.zfill(4))
print(b'prefix-body'.removeprefix(b'prefix-'), b'body.txt'.removesuffix(b'.txt'), b'x'.removesuffix(b''))
ba = bytearray(b'  Mixed Case  ')
print(ba.strip(), ba.upper(), ba.lower(), ba.replace(b' ', b'_'), type(ba.strip()).__name__)
for expr, f in [("strip str", lambda: b'ab'.strip('a')), ("replace str", lambda: b'ab'.replace('a', 'b')),
                ("center str fill", lambda: b'ab'.center(5, '*')),
                ("removeprefix str", lambda: b'ab'.removeprefix('a'))]:
    try:
        print(expr, f())
    except Exception as e:
        print(expr, type(e).__name__, e)
