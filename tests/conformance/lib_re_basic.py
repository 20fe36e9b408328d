# re: findall/sub/subn/match/search/fullmatch/split/finditer, groups and named groups,
# flags, lazy quantifiers, backreferences, lookaround, VERBOSE, escape, compile errors.
import re
t = re.findall
print(t(r'\d+', 'a1b22c333'), t(r'(\w)(\d)', 'a1 b2 c'), t(r'(a)|b', 'ab'), t('x*', 'abxd'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'me@home you@work'), re.sub('x*', '-', 'abxd'), re.subn(r'\s+', ' ', 'a  b \t c'))
print(re.match(r'(\d+)-(\d+)', '12-34').groups(), re.match('a', 'ba'), re.search('a', 'ba'), re.fullmatch(r'\w+', 'abc1'), re.fullmatch(r'\w', 'ab'))
print(re.split(r'[,;]\s*', 'a, b;c'), re.split(r'(,)', 'a,b'), re.split(r'\b', 'a b'), re.split(r'\s+', ' a b ', maxsplit=1))
m = re.search(r'(?P<year>\d{4})-(?P<mon>\d\d)', 'date: 2024-03-15!')
print(m.group(), m.group('year'), m['mon'], m.groupdict(), m.span(), m.start(2), m.end('year'), m.lastindex, m.lastgroup, m)
print(re.compile(r'^\s*$').match('   ') is not None, re.compile(r'a+', re.I).findall('aAbAAa'), re.compile('abc', re.I | re.M))
print(re.findall(r'^\w+', 'one\ntwo\nthree', re.M), re.findall(r'^\w+', 'one\ntwo'), re.findall(r'.', 'a\nb', re.S), re.findall(r'\w+$', 'x y\nz', re.M))
print(re.sub(r'(?i)hello', 'bye', 'Hello HELLO'), re.findall(r'a.*?b', 'aXbaYYb'), re.findall(r'a.*b', 'aXbaYYb'), re.findall(r'\d{2,3}', '1 12 123 1234'))
print(re.findall(r'(\w)\1', 'aabbcd'), re.search(r'(?<=\$)\d+', 'cost $42').group(), re.findall(r'\w+(?=!)', 'hi! yo no!'), re.findall(r'(?<!x)y', 'xy ay'), re.findall(r'q(?!u)', 'quit qat'))
print(re.escape('a.b*c?'), re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c3'), re.sub('a', r'\n', 'xa'), re.sub(r'(a)', r'\g<1>\g<1>', 'xa'))
print([m.span() for m in re.finditer(r'\d+', 'a12b345')], re.findall(r'[^aeiou\s]+', 'hello world'), re.findall(r'[a-cx-z]', 'abcdxyz'), re.findall(r'[\d.]+', 'v1.2.3 and 4'))
for bad in ['(', 'a**', '[a', '(?P<n>a)(?P<n>b)', r'\1', '*a', 'a{3,1}']:
    try:
        re.compile(bad)
        print('compiled', bad)
    except re.error as e:
        print('error', bad, '|', e)
words = re.findall(r"[A-Za-z']+", "It's a test, isn't it? Yes: it's.")
print(words, len(words))
log = '2024-01-01 ERROR disk full\n2024-01-02 INFO ok\n2024-01-03 ERROR cpu hot'
for m in re.finditer(r'^(\S+) (ERROR|INFO) (.*)$', log, re.M):
    print(m.group(1), m.group(2), repr(m.group(3)))
print(re.sub(r'\s+', ' ', '  lots   of\n\nspace  ').strip(), re.match(r'(a)?b', 'b').groups(), re.match(r'(a)?b', 'b').groups('-'))
pat = re.compile(r'''
    (\d{3})   # area
    [-.\s]?
    (\d{4})   # number
''', re.VERBOSE)
print(pat.search('call 555-1234 now').groups(), pat.pattern.count('\n'))
print(re.findall(r'\bcat\b', 'cat concat cat.'), re.findall(r'\Bcat', 'concat cat'), re.match(r'\Aab\Z', 'ab') is not None)
print(re.findall(r'(\d+)(?:px|em)', '10px 2em 5pt'), re.findall(r'colou?r', 'color colour colr'), re.findall('', 'ab'))
