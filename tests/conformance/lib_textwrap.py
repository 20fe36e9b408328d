# textwrap: wrap/fill (hyphens, em-dashes, long words, indents, max_lines), shorten,
# dedent, indent, fix_sentence_endings.
import textwrap
text = ("The quick brown fox jumps over the lazy dog. A well-known example of a "
        "pangram -- a sentence using every letter -- is this one; it's used in "
        "typography, keyboards and font-rendering tests.\tTabs\nand newlines too.")
for w in (20, 35, 50):
    print(textwrap.fill(text, width=w))
    print('---')
print(textwrap.wrap(text, 30, break_on_hyphens=False))
print(textwrap.wrap('supercalifragilisticexpialidocious is long', 10))
print(textwrap.wrap('supercalifragilisticexpialidocious is long', 10, break_long_words=False))
print(textwrap.fill('a-b-c-d-e-f-g-h', 5), textwrap.wrap('', 10), textwrap.wrap('   ', 10))
print(textwrap.fill(text, 40, initial_indent='* ', subsequent_indent='  '))
print(textwrap.shorten('Hello  world!  This is a long sentence.', width=20))
print(textwrap.shorten('Hello world', width=11), textwrap.shorten(text, 40, placeholder='...'))
print(textwrap.wrap(text, 30, max_lines=2))
print(repr(textwrap.dedent('    line one\n      indented\n    line three\n')))
print(repr(textwrap.dedent('\t  a\n\t  b\n   \n\t  c')), repr(textwrap.dedent('no indent\n  some')))
print(repr(textwrap.indent('one\ntwo\n\nthree\n', '> ')), repr(textwrap.indent('a\n\nb', '+', lambda l: True)))
w = textwrap.TextWrapper(width=25, fix_sentence_endings=True)
print(w.wrap('Hello there. How are you? Fine.'))
try:
    textwrap.wrap('x', 0)
except ValueError as e:
    print('ValueError', e)
