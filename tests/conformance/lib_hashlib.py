# hashlib digests (md5, sha1, sha2 family), incremental update/copy, random.seed
# with str/bytes seeds, __import__.
import hashlib, random
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    for data in [b'', b'abc', b'The quick brown fox jumps over the lazy dog', b'x' * 200]:
        print(name, hashlib.new(name, data).hexdigest())
h = hashlib.sha256()
h.update(b'hello ')
h.update(b'world')
print(h.hexdigest(), h.digest()[:4], h.digest_size, h.block_size, h.name, hashlib.md5('é'.encode()).hexdigest())
print(hashlib.sha256(b'hello world').hexdigest() == h.hexdigest(), h.copy().hexdigest() == h.hexdigest())
try:
    hashlib.md5('text')
except TypeError as e:
    print('TypeError', e)
random.seed('hello')
print(random.random(), random.randint(1, 100), random.choice('abcdef'))
random.seed(b'bytes seed')
print(random.random())
m = __import__("os.path")
print(m.__name__, __import__("os.path", fromlist=["join"]).__name__, __import__("math").sqrt(4))
j = __import__("json")
print(j.dumps([1]))
