# The native regular-expression matcher: many patterns against many strings
# (match/search/fullmatch spans and groups, lastindex, findall, finditer, sub, split).
import re

SUBJECTS = [
    '', 'a', 'ab', 'abc', 'aaa', 'abab', 'aabbcc', 'abcabc', 'xyz', 'a1b2c3',
    'hello world', 'Hello World', 'foo bar  baz', 'foo\nbar\nbaz\n', 'line1\r\nline2',
    'user@example.com', 'a@b.c x@y.zz', '2024-01-15 and 1999-12-31',
    'The quick brown fox jumps over the lazy dog', 'aaaaaaaaab', 'aaaaaaaaaa',
    '<a><b></b></a>', '"quoted" and "more"', 'x=1, y=22, z=333', 'ABCabc123_',
    '  padded  ', 'tab\there', 'café naïve résumé', 'ÀÉÎõü ß', 'α β γ ΑΒΓ',
    'mixed 123 ٣٤ numbers', 'under_score and-dash', '((nested))', 'a.b*c+d?',
    'xxxxyxxxx', 'abcdefghij' * 3,
]

PATTERNS = [
    r'a', r'ab', r'a*', r'a+', r'a?', r'a*?', r'a+?', r'a??', r'a{2}', r'a{2,}',
    r'a{,2}', r'a{1,3}', r'a{1,3}?', r'a{0}', r'(a)(b)?', r'(a|ab)(c|bcd)?',
    r'(a*)*', r'(a*)+', r'(a|b)*', r'(a|b)*?c', r'(?:a|b)+', r'((a)|b)+',
    r'(a+|b+)*c', r'\w+', r'\W+', r'\d+', r'\D+', r'\s+', r'\S+', r'\b\w+\b',
    r'\B\w', r'\bfoo\b', r'^\w+', r'\w+$', r'^$', r'^', r'$', r'\A\w', r'\w\Z',
    r'.', r'.+', r'.*?', r'[abc]+', r'[^abc]+', r'[a-z]+', r'[A-Z][a-z]*',
    r'[0-9]+', r'[\w.]+@[\w.]+', r'(\w+)@(\w+)\.(\w+)', r'(\d{4})-(\d\d)-(\d\d)',
    r'(?P<key>\w)=(?P<val>\d+)', r'(\w)\1', r'(\w+) \1', r'(a)|(b)', r'(a)|b',
    r'(?:(a)|(b))+', r'(?=a)\w+', r'(?!a)\w+', r'\w+(?=,)', r'\w+(?!\w|,)',
    r'(?<=a)b', r'(?<!a)b', r'(?<=\d)\w', r'(?<![a-z])\d+', r'(?>a+)b',
    r'(?>a+)a', r'a++b', r'a*+a', r'(?:ab)++', r'a{2,3}+', r'"[^"]*"',
    r'"(.*)"', r'"(.*?)"', r'<(\w+)>', r'<(/?)(\w+)>', r'\(([^()]*)\)',
    r'[.*+?]', r'\.', r'x*y', r'(x+x+)+y', r'(?i)hello', r'(?i)[a-c]+',
    r'(?i:W)orld', r'(?s).+', r'(?m)^\w+$', r'(?m)^', r'(?m)$', r'(?x) a  b  # c',
    r'(?a)\w+', r'(?a)\d', r'(?a)\s+', r'[^\W\d]+', r'[\d\s]+', r'[\S]+',
    r'(a)(?:b)(c)', r'(?:(\w)(\d))+', r'(\w)(?P<n>\d)(?P=n)?', r'(b)?c',
    r'(a)?(a)?(a)?', r'(?:a|)+b', r'(|a)+', r'(a|)*', r'(?:)', r'()',
    r'(a)(b)(c)(d)?(e)?', r'[ -]+', r'\w+|\d+', r'ab|a', r'a|ab', r'(?:x|xy)z',
    r'((a)(b))', r'(((a)))', r'(?:a(b)?)+', r'(a(b)?)+', r'é|ü|ß', r'[à-ÿ]+',
    r'(?i)ß', r'(?i)[α-ω]+', r'\d', r'(?a)[\w\s]+',
]

def show(m):
    if m is None:
        return 'None'
    return '%r %r %r %r' % (m.span(), m.groups(), m.lastindex, m.lastgroup)

def main():
    for pat in PATTERNS:
        p = re.compile(pat)
        print('==', repr(pat), p.groups)
        for s in SUBJECTS:
            r = [show(p.match(s)), show(p.search(s)), show(p.fullmatch(s))]
            fa = p.findall(s)
            it = [m.span() for m in p.finditer(s)]
            sb = p.subn('<\\g<0>>', s)
            sp = p.split(s)
            print(repr(s), '|', ' ; '.join(r), '|', fa, it, sb, sp)
        # pos / endpos
        s = 'abc abc aab\nab'
        for pos, endpos in ((0, None), (1, None), (4, 9), (3, 3), (-2, 100), (7, 50)):
            args = (s, pos) if endpos is None else (s, pos, endpos)
            print('  pos', pos, endpos, show(p.match(*args)), show(p.search(*args)),
                  show(p.fullmatch(*args)), p.findall(*args))

main()
