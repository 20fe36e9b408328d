# The native regular-expression matcher on longer, multi-line text: flags,
# findall/finditer/sub/subn/split, templates and callables, named groups,
# backreferences, lookaround, non-ASCII text and long inputs.
import re

TEXT = """Subject: Quarterly report
From: Alice Smith <alice.smith@example.com>
To: bob@example.org, Carol <carol_99@mail.example.net>
Date: 2024-03-15 09:30:00

Hello Bob,

The numbers for Q1 are in: revenue 1,234,567 EUR (+12.5%), costs 987,654 EUR.
Call me at +1 (555) 010-2030 or 555.010.2031; see https://example.com/q1?x=1&y=2.
Visit http://intranet.local/reports/2024/Q1 before 2024-04-01.

  - item one
  - item two (see  spaced   words)
  - naïve café résumé — ÉLAN Straße ΣΊΣΥΦΟΣ
end of message
"""

def show(m):
    if m is None:
        return None
    return (m.span(), m.group(), m.groups(), m.lastindex, m.lastgroup)

def run(pat, flags=0):
    p = re.compile(pat, flags)
    print('==', repr(pat), int(flags), p.groups, sorted(p.groupindex.items()))
    print('  search', show(p.search(TEXT)))
    print('  match', show(p.match(TEXT)))
    print('  findall', p.findall(TEXT))
    print('  iter', [(m.span(), m.groupdict()) for m in p.finditer(TEXT)][:40])
    print('  sub', repr(p.sub('[\\g<0>]', TEXT)))
    print('  subn', p.subn('#', TEXT, 3))
    print('  split', p.split(TEXT, 5))

run(r'\w+@[\w.]+')
run(r'(?P<user>[\w.]+)@(?P<host>[\w.]+)')
run(r'^(\w+): (.*)$', re.M)
run(r'^\s*- (.+)$', re.M)
run(r'^$', re.M)
run(r'$', re.M)
run(r'^', re.M)
run(r'\d{4}-\d\d-\d\d')
run(r'(\d+)(?:,(\d{3}))*')
run(r'\d+(?:\.\d+)?%')
run(r'\+?\d?\s*\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}')
run(r'https?://[^\s]+?(?=[.,;]?\s)')
run(r'\b[A-Z][a-z]+\b')
run(r'\b[A-Z]+\b')
run(r'(?i)\bexample\b')
run(r'example', re.I)
run(r'(?i)[a-z]+é')
run(r'[^\x00-\x7f]+')
run(r'\w+', re.A)
run(r'\w+(?=\s*EUR)')
run(r'(?<=: )\w+')
run(r'(?<!\w)Q\d')
run(r'(\w)\1')
run(r'(?i)(\w)\1')
run(r'\s{2,}')
run(r'.+', re.S)
run(r'.+')
run(r'(?s)From:.*?>')
run(r'<([^>]+)>')
run(r'(a)|(e)|(i)|(o)|(u)')
run(r'(?:(a)|(e))+')
run(r'(?x) (\d+)  [ ]  EUR   # amount')
run(r'(?i)σ')
run(r'(?i)straße|STRASSE')
run(r'ΣΊΣΥΦΟΣ', re.I)
run(r'[α-ωΑ-Ω]+')
run(r'(?i)[α-ω]+')
run(r'\W+')
run(r'(?m)^.{10,20}$')
run(r'(?<=\n)\n')
run(r'\n+')

# Templates and callables.
p = re.compile(r'(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)')
print(p.sub(r'\g<d>/\g<m>/\g<y>', TEXT))
print(p.sub(r'\3.\2.\1 (\g<0>)', TEXT))
print(p.sub(lambda m: m.group('y')[::-1], TEXT))
print(p.subn(r'\n\t\\', TEXT))
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'one two three four five'))
print(re.sub(r'a|(b)', r'[\1]', 'abcab'))
print(re.sub(r'x*', '-', 'abxd'))
print(re.sub(r'', '-', 'abc'))
print(re.split(r'(,)?\s*', 'a, b c,d'))
print(re.split(r'\b', 'hello world, again'))
print(re.split(r'(?m)^', 'l1\nl2\nl3'))
print(re.findall(r'(\w)(\w)?', 'abcde'))
print(re.findall(r'', 'abc'))
print([m.span() for m in re.finditer(r'\w*', 'ab cd')])
m = re.search(r'(?P<first>\w+) (?P<last>\w+)', 'Alice Smith')
print(m.expand(r'\g<last>, \g<first>'), m['first'], m[2], m.start('last'), m.end(1), m.span(0))
print(m.groupdict(), m.lastgroup, m.lastindex, m.re.pattern, m.string, m.pos, m.endpos)
print(m.regs, m['last'], m.group('first', 2, 0), re.match(r'(a)|(b)', 'b').regs)
print(re.compile(r'(a)(b)?').match('ac').groups('-'), re.compile(r'(a)(b)?').match('ac').span(2))
try:
    re.sub(r'(a)', r'\2', 'a')
except re.error as e:
    print('error', e)
try:
    re.sub(r'(a)', r'\g<x>', 'a')
except IndexError as e:
    print('IndexError', e)

# Long inputs: deep backtracking in the native matcher.
long_ab = 'ab' * 50000
m = re.match(r'(a|b)*c', long_ab + 'c')
print(m.span(), m.group(1), m.lastindex)
print(re.match(r'(a|b)*c', long_ab))
m = re.match(r'(?:(a)|(b))*', long_ab)
print(m.span(), m.groups())
m = re.fullmatch(r'(ab)+', long_ab)
print(m.span(), m.group(1))
m = re.match(r'((a)(b))*?$', long_ab)
print(m.span(), m.groups())
print(len(re.findall(r'(?:ab)+?', long_ab)), len(re.findall(r'a(?=b)', long_ab)))
print(re.search(r'(x+x+)+y', 'x' * 18), re.search(r'(?:x+)+y', 'x' * 18 + 'y').span())
print(re.search(r'(.*)(.*)(.*)(.*)(.*)z', 'a' * 30), re.match(r'(a*)*b', 'a' * 16))
big = ('word ' * 20000) + 'end'
print(len(re.findall(r'\w+', big)), len(re.split(r'\s+', big)), re.sub(r'o', '0', big)[:30])
print(re.search(r'(\w+)\s+end', big).span(), re.search(r'^(?:\w+\s)*end$', big).span())
print(len(re.sub(r'(\w)(\w*)', lambda m: m.group(2) + m.group(1), big)))
uni = 'é' * 1000 + 'x' + 'ü' * 1000
print(re.search(r'x(ü+)', uni).span(), len(re.findall(r'[éü]', uni)), re.search(r'(?<=é)x', uni).span())
