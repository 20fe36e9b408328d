s = 'naïve café €5'
print(s.encode(), s.encode('utf-8'), len(s.encode()))
for enc in ['ascii', 'latin-1']:
    for errors in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
        print(enc, errors, s.encode(enc, errors))
print('abc'.encode('ascii'), 'ÿ'.encode('latin-1'), 'x'.encode(encoding='ascii', errors='strict'))
for t, enc in [('é', 'ascii'), ('aé€', 'latin-1'), ('ab€€c', 'ascii'), ('😀', 'latin-1'), ('x\u0100', 'latin1')]:
    try:
        print(t.encode(enc))
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError:', e)
try:
    'x'.encode('nope')
except LookupError as e:
    print('LookupError:', e)
try:
    'é'.encode('ascii', 'nope')
except LookupError as e:
    print('LookupError:', e)
print('é'.encode().decode() == 'é', 'ünï'.encode('latin-1').decode('latin-1'))
print(bytes('€', 'utf-8'), '€'.encode('utf-8') == b'\xe2\x82\xac')
