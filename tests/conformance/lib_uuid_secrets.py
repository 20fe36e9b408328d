# uuid (UUID parsing, fields, uuid1/3/4/5, namespaces, errors), secrets (tokens, randbelow, compare_digest), random.SystemRandom and os.urandom; random values are only checked for shape.
import uuid, secrets, random, os
u = uuid.UUID('12345678-1234-5678-1234-567812345678')
print(u, repr(u), u.hex, u.int, u.bytes, u.bytes_le, u.fields, u.urn, u.version, u.variant, u.is_safe)
print(u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low, u.node, u.time, u.clock_seq)
for s in ['{12345678-1234-5678-1234-567812345678}', '12345678123456781234567812345678', 'urn:uuid:12345678-1234-5678-1234-567812345678']:
    print(uuid.UUID(s) == u)
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(fields=u.fields) == u, uuid.UUID(int=u.int) == u)
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_URL, 'http://x/'))
print(uuid.NAMESPACE_OID, uuid.NAMESPACE_X500, uuid.RFC_4122, uuid.SafeUUID.safe, uuid.SafeUUID.unknown.value)
v4 = uuid.uuid4()
print(v4.version, v4.variant, len(str(v4)), v4 != uuid.uuid4())
v1 = uuid.uuid1()
print(v1.version, v1.variant, uuid.uuid1(node=0x123456789abc, clock_seq=5).node, uuid.uuid1(clock_seq=5).clock_seq)
print(0 <= uuid.getnode() < 2 ** 48, uuid.getnode() == uuid.getnode())
for bad in ['xyz', '12345678-1234-5678-1234-56781234567', '']:
    try:
        uuid.UUID(bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    uuid.UUID()
except TypeError as e:
    print('TypeError:', e)
try:
    u.int = 5
except TypeError as e:
    print('TypeError:', e)
print(sorted([uuid.UUID(int=3), uuid.UUID(int=1)]), hash(u) == hash(uuid.UUID(str(u))), {u: 1}[uuid.UUID(str(u))])
print(uuid.UUID(int=0), uuid.UUID(int=2**128 - 1), int(u) == u.int)
print(len(secrets.token_bytes()), len(secrets.token_bytes(5)), len(secrets.token_hex(8)), all(c in '0123456789abcdef' for c in secrets.token_hex()))
t = secrets.token_urlsafe(16)
print(len(t), all(c.isalnum() or c in '-_' for c in t))
print(0 <= secrets.randbelow(10) < 10, secrets.choice('abc') in 'abc', 0 <= secrets.randbits(5) < 32)
print(secrets.compare_digest('abc', 'abc'), secrets.compare_digest(b'abc', b'abd'), secrets.compare_digest(b'a', b'ab'))
for a, b in [('é', 'é'), ('a', b'a'), (1, 2), (b'a', 1), ('a', 1)]:
    try:
        secrets.compare_digest(a, b)
    except TypeError as e:
        print('TypeError:', e)
try:
    secrets.randbelow(0)
except ValueError as e:
    print('ValueError:', e)
sr = random.SystemRandom()
print(0 <= sr.random() < 1, 1 <= sr.randint(1, 6) <= 6, len(sr.randbytes(4)), sr.seed(5), sorted(sr.sample(range(5), 5)))
try:
    sr.getstate()
except NotImplementedError as e:
    print('NotImplementedError:', e)
print(len(os.urandom(12)), type(os.urandom(0)))
