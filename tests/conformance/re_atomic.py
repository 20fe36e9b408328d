# re: atomic groups (?>...) and possessive quantifiers (*+ ++ ?+ {m,n}+).
import re
# atomic groups and possessive quantifiers
tests = [(r'(?>a+)b', 'aaab'), (r'(?>a+)a', 'aaaa'), (r'a++a', 'aaaa'), (r'a*+b', 'aaab'),
         (r'(?>ab|a)c', 'abc'), (r'(?>a|ab)c', 'abc'), (r'x?+x', 'x'), (r'(\d+?)(?>\d)', '123'),
         (r'a{1,3}+a', 'aaa'), (r'a{1,3}+a', 'aaaa'), (r'(?>(a)|b)+c', 'abac')]
for pat, s in tests:
    m = re.search(pat, s)
    print(pat, s, m and (m.group(), m.groups(), m.span()))
print(re.findall(r'(?>\w+)\s', 'one two three '))
print(re.sub(r'\d++', '#', 'a12b345c'))
