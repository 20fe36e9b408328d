# is* predicates.
tests = ["", "abc", "ABC", "Abc", "123", "12.5", "abc123", "  ", " \t\n", "a b", "Ⅻ", "٣", "x_y",
         "Hello World", "hello", "HELLO1", "½", "²", "é", "_", "-1"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower(),
          t.istitle(), t.isdecimal(), t.isnumeric(), t.isidentifier(), t.isprintable(), t.isascii())
