# re flags are RegexFlag values (int subclass) shown as re.NAME|re.NAME; patterns
# still see plain int flags.
import re
print(repr(re.I), str(re.I), re.I|re.M, repr(re.I|re.M), ~re.I, re.I & re.M, re.I.value, re.I.name, re.NOFLAG, re.A, re.U, re.L, re.T, re.DEBUG, f'{re.I}', '%s' % re.I, re.I + 1, re.I == 2, hash(re.I) == 2, re.X | 0, 0 | re.X, int(re.S), '%d' % re.M, f'{re.M:d}')
print(re.compile('a', re.I).flags, re.compile('a', re.I | re.M), re.compile('a').flags, re.compile('(?i)a').flags)
print(re.findall('a.', 'A\nab', re.I | re.S), re.sub('^x', 'y', 'x\nx', flags=re.M), re.split('A', 'bab', flags=re.IGNORECASE))
print(re.match('abc', 'ABC', re.I).group(), re.search(r'''a # comment
  b''', 'xab', re.VERBOSE).span(), re.fullmatch('é', 'É', re.I) is not None, re.match(r'\w+', 'héllo', re.A).group())
print(isinstance(re.I, int), re.RegexFlag(2), re.RegexFlag(2 | 256), [f for f in (re.I, re.M) if re.I & f])
