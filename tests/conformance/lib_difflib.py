# difflib: SequenceMatcher (ratios, opcodes, matching blocks), unified/context/ndiff
# output, get_close_matches, Differ, restore, HtmlDiff not included.
import difflib

a = 'one\ntwo\nthree\nfour\nsix\n'.splitlines(keepends=True)
b = 'one\n2\nthree\nfour\nfive\nsix\nseven\n'.splitlines(keepends=True)
print(''.join(difflib.unified_diff(a, b, 'a.txt', 'b.txt', 'then', 'now', n=1)))
print(''.join(difflib.unified_diff(a, b, lineterm='\n')))
print(''.join(difflib.context_diff(a, b, 'a', 'b')))
d = list(difflib.ndiff(a, b))
print(''.join(d))
print(''.join(difflib.restore(d, 1)) == ''.join(a), ''.join(difflib.restore(d, 2)) == ''.join(b))
print(''.join(difflib.ndiff(['abcdefg\n'], ['abXdefgh\n'])))
for x, y in [('abcd', 'bcde'), ('', ''), ('abc', ''), ('kitten', 'sitting'), ('private Thread currentThread;', 'private volatile Thread currentThread;')]:
    sm = difflib.SequenceMatcher(None, x, y)
    print(repr(x), repr(y), round(sm.ratio(), 6), round(sm.quick_ratio(), 6), round(sm.real_quick_ratio(), 6))
    print('  ', sm.get_opcodes())
    print('  ', sm.get_matching_blocks())
    print('  ', sm.find_longest_match(0, len(x), 0, len(y)))
sm = difflib.SequenceMatcher(lambda c: c == ' ', 'a b c d', 'a  b d')
print(sm.get_opcodes(), list(sm.get_grouped_opcodes(0)))
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))
print(difflib.get_close_matches('wheel', ['while', 'wheat', 'whale', 'well', 'hello'], n=2, cutoff=0.5))
print(difflib.IS_CHARACTER_JUNK(' '), difflib.IS_LINE_JUNK('  # \n'), difflib.IS_LINE_JUNK('x\n'))
for line in difflib.Differ().compare(['one\n', 'two\n'], ['one\n', 'tow\n', 'three\n']):
    print(repr(line))
words1 = 'the quick brown fox jumps over the lazy dog'.split()
words2 = 'the quick red fox jumped over the very lazy dog'.split()
print(list(difflib.unified_diff(words1, words2, lineterm='')))
