# A SyntaxError raised by the program is printed with its file, line, text and carets.
def check(src):
    raise SyntaxError("bad thing", ("/x/y/f.py", 3, 5, "    foo bar\n", 3, 8))


check("x")
