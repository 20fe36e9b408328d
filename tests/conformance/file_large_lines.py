# Files bigger than one read chunk, with multi-byte characters crossing chunk edges.
import os
name = 'tmp_file_large_lines_%d.txt' % os.getpid()
try:
    with open(name, 'w') as f:
        for i in range(3000):
            f.write('line %d: %s\n' % (i, 'é€😀' * (i % 7)))
    total = 0
    count = 0
    longest = ''
    with open(name) as f:
        for line in f:
            count += 1
            total += len(line)
            if len(line) > len(longest):
                longest = line
    print(count, total, repr(longest))
    with open(name) as f:
        text = f.read()
    print(len(text), text.count('\n'), text[-30:])
    with open(name, 'rb') as f:
        raw = f.read()
    print(len(raw), raw.decode() == text, os.path.getsize(name) == len(raw))
    with open(name) as f:
        chunks = []
        while True:
            c = f.read(1000)
            if not c:
                break
            chunks.append(c)
    print(len(chunks), ''.join(chunks) == text)
    with open(name, 'rb') as f:
        n = 0
        for line in f:
            n += 1
    print(n)
finally:
    os.remove(name)
