import json

print(json.loads('null'), json.loads('true'), json.loads('false'))
print(json.loads('0'), json.loads('-12'), json.loads('3.25'), json.loads('1e3'), json.loads('-2.5E-3'), json.loads('1E+2'))
print(json.loads('123456789012345678901234567890'))
print(json.loads('"hello"'), json.loads('""'))
print(json.loads(r'"esc: \" \\ \/ \b \f \n \r \t"'))
print(json.loads(r'"\u00e9\u4e2d\ud83d\ude00"'), json.loads('"caf\u00e9"'))
print(json.loads('[]'), json.loads('{}'), json.loads(' [ 1 , 2 ] '), json.loads('\n\t{ "a" : 1 }\r\n'))
print(json.loads('[1, "a", null, [true, {"b": false}]]'))
print(json.loads('{"a": {"b": {"c": [1, 2, 3]}}, "d": 1.5}'))
print(json.loads('{"dup": 1, "dup": 2}'))
print(json.loads('NaN'), json.loads('Infinity'), json.loads('-Infinity'), json.loads('[-0, -0.0]'))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1.5, 2, 3.0]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[1.5]', parse_float=lambda s: 'F' + s))
doc = '''
{
  "name": "lethe",
  "version": [0, 1],
  "deps": {"ruff": "0.0.10"},
  "ok": true
}
'''
obj = json.loads(doc)
print(obj['name'], obj['version'], obj['deps'], obj['ok'], list(obj))
print(json.loads(json.dumps({'r': [1, 2.5, 'x', None]})))
print(type(json.loads('1')).__name__, type(json.loads('1.0')).__name__)
