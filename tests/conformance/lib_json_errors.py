import json

def attempt(f):
    try:
        print('ok', repr(f()))
    except json.JSONDecodeError as e:
        print('JSONDecodeError', e, '|', e.msg, e.pos, e.lineno, e.colno)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

for bad in ['', '   ', '[1,]', '{"a" 1}', '{"a":1,}', '[1 2]', '{1:2}', '"abc',
            '"a\\qb"', '01', '1.', '[', '{"a":', 'tru', '"\\u12"', '"a\x01b"',
            ' {"a":1}  x', '{', '[1,', '-', '{"a":1 "b":2}', 'nul', '[1]]',
            '{"a":1}\n\n  {', "'single'", '[1,\n 2,\n x]']:
    attempt(lambda: json.loads(bad))
attempt(lambda: json.loads(5))
attempt(lambda: json.dumps({(1, 2): 3}))
attempt(lambda: json.dumps(object))
attempt(lambda: json.dumps([1, {2, 3}]))
attempt(lambda: json.dumps(float('inf'), allow_nan=False))
attempt(lambda: json.dumps({'a': float('nan')}, allow_nan=False))
loop = []
loop.append(loop)
attempt(lambda: json.dumps(loop))
d = {}
d['self'] = d
attempt(lambda: json.dumps(d))
print(issubclass(json.JSONDecodeError, ValueError))
json.loads('{"a": [1, 2}')
