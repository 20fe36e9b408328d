import os
name = 'tmp_file_decode_uncaught_%d.txt' % os.getpid()
with open(name, 'wb') as f:
    f.write(b'abc\n\xff\xfe\n')
try:
    with open(name, errors='replace') as f:
        print(f.readlines())
    with open(name) as f:
        print(f.read())
finally:
    os.remove(name)
