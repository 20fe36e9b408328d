# shlex: split (posix and not, comments), quote, join, the shlex class (punctuation
# characters, whitespace_split, wordchars, error messages).
import shlex

cases = ['a "b c" d\\ e \'f g\'', 'one  two\tthree\nfour', '"unterminated', 'x=1 y="2 3" # c',
         "it's \"quoted\"", 'a\\"b', "'a'\"b\"c", '', '  ', 'ab"cd"ef', 'a;b|c&&d']
for c in cases:
    for posix in (True, False):
        try:
            print(repr(c), posix, shlex.split(c, comments=True, posix=posix) if posix else list(shlex.shlex(c, posix=False)))
        except ValueError as e:
            print(repr(c), posix, 'ValueError:', e)
for s in ['', 'simple', 'has space', "it's", '$HOME', 'a"b', 'safe-_./=:,+@%']:
    print(repr(s), shlex.quote(s))
print(shlex.join(['ls', '-l', 'my file', "it's"]))
lex = shlex.shlex('x = "y z"; w && (v || u) > out.txt', posix=True, punctuation_chars=True)
print(list(lex))
lex = shlex.shlex('a,b c.d', posix=True)
lex.whitespace_split = True
print(list(lex))
lex = shlex.shlex('key=value other', posix=True)
lex.wordchars += '='
print(lex.get_token(), lex.get_token(), repr(lex.get_token()))
lex = shlex.shlex('a b c')
lex.push_token('first')
print(lex.get_token(), lex.get_token(), lex.lineno)
