for s in ["a b", "  a\tb\x0bc\x0cd\x1ce\x1f f  ", "", "   ", "x", "a  b  ", "\x85a b"]:
    print(s.split(), s.split(None, 1), s.split(maxsplit=0), s.split(None, 2), s.rsplit(None, 1))
