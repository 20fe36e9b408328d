# slice objects: construction, attributes, indices(), use on lists/strings/tuples/ranges.
s = slice(2, 10, 3)
print(s, repr(s), s.start, s.stop, s.step)
print(slice(5), slice(None), slice(1, None), slice(None, None, -2), slice("a", "b"))
seq = list(range(15))
print(seq[s], "abcdefghijklmno"[s], tuple(seq)[s], range(15)[s])
for sl in [slice(None, None, -1), slice(-3, None), slice(None, -12), slice(10, 2, -3), slice(100, None, -4), slice(-100, 3)]:
    print(sl, seq[sl], sl.indices(15), len(range(*sl.indices(15))))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(0, 5, 1).indices(3))
try:
    seq[slice(0, 5, 0)]
except ValueError as e:
    print("ValueError:", e)
try:
    slice(0, 5, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
try:
    seq["a":"b"]
except TypeError as e:
    print("TypeError:", e)
class Recorder:
    def __getitem__(self, key):
        return key
r = Recorder()
print(r[1], r[1:2], r[::], r[1:2:3], r[:, 1], r[1, 2:3], r["k"])
t = seq[:]
t[slice(0, 4)] = ["x"]
print(t)
del t[slice(None, None, 2)]
print(t)
print(seq[1:-1][::2][1:3], "hello world"[::-1][::2], seq[::5][::-1])
