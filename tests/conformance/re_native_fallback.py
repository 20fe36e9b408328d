# When the native matcher's backtracking stack fills up, re falls back to its
# Python matcher for that call. Under lethe the limit is lowered here so that most
# matches take that path; the answers must not change. Then, with the normal
# limit, inputs that need deep backtracking stay native.
try:
    import _lethe
    _lethe.re_stack_limit(6)
except ImportError:
    _lethe = None
import re

PATTERNS = [
    r'(a|b)*c', r'(a|b)*?c', r'(?:(a)|(b))+', r'((a)|b)+', r'(a*)*', r'(a*)+b',
    r'(|a)+', r'(a|)*?b', r'(\w+)\s(\w+)', r'(?P<x>\w)(?P=x)', r'(?i)(A|b)+\1',
    r'(?<=a)(b+)', r'(?<!a)(b+)', r'(?=(ab))', r'(?!ab)\w\w', r'(?>a|ab)c',
    r'(?:ab)++', r'(a{1,2}?){2,3}', r'(?:a|ab)(?:c|bcd)(d*)', r'^(\w+?)(\d*)$',
    r'(?m)^(\w+)$', r'(?s)(.)(.)', r'x*', r'(x+x+)+y', r'(ab|a)(bc|c)?',
]
SUBJECTS = ['', 'abc', 'ababc', 'abab', 'aaab', 'bab', 'AbAb', 'abc abcd', 'ab\ncd\n',
            'xxxxxxxy', 'aaaa', 'abcd', 'zz9', 'ab' * 12 + 'c', 'élan vital']


def show(m):
    return None if m is None else (m.span(), m.groups(), m.lastindex)


for pat in PATTERNS:
    p = re.compile(pat)
    print('==', repr(pat))
    for s in SUBJECTS:
        print(' ', repr(s)[:30], show(p.match(s)), show(p.search(s)), show(p.fullmatch(s)),
              p.findall(s), p.sub('<\\g<0>>', s)[:60], p.split(s)[:6])

print(re.search(r'(\d+)-(\d+)', 'call 555-0100 now').groups())
print([m.span() for m in re.finditer(r'(?:(a)|b)*?b', 'aabab' * 10)])

if _lethe is not None:
    _lethe.re_stack_limit(0)

# Deep backtracking, natively (the Python matcher would run out of recursion).
n = 100000
s = 'ab' * n
m = re.match(r'(a|b)*c', s + 'c')
print(m.span(), m.group(1))
m = re.match(r'(?:(a)|b)*', s)
print(m.span(), m.groups(), m.lastindex)
print(re.match(r'(a|b)*c', s), re.search(r'(?:x+)+y', 'x' * 16 + 'y').span())
m = re.search(r'((?:ab)*?)c', s + 'c')
print(m.span(), len(m.group(1)))
m = re.fullmatch(r'(?:(ab)|(a)|(b))*', s)
print(m.span(), m.groups())
print(re.search(r'(x+x+)+y', 'x' * 20))
