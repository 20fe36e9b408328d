# Container protocol: __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, key):
        print("  getitem", key)
        if isinstance(key, tuple):
            x, y = key
            if not (0 <= x < self.w and 0 <= y < self.h):
                raise IndexError("cell out of range")
            return self.cells.get(key, ".")
        raise TypeError("need (x, y)")
    def __setitem__(self, key, value):
        print("  setitem", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("  delitem", key)
        del self.cells[key]
    def __contains__(self, value):
        return value in self.cells.values()
g = Grid(3, 2)
print(len(g), bool(g))
g[0, 1] = "X"
g[2, 1] = "O"
print(g[0, 1], g[1, 1], "X" in g, "Z" in g, "Z" not in g)
del g[0, 1]
print(g[0, 1], "X" in g)
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
try:
    del g[9, 9]
except KeyError as e:
    print("KeyError:", e)
class Seq:
    def __init__(self, data):
        self.data = list(data)
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.data[i])
        return self.data[i]
    def __repr__(self):
        return f"Seq({self.data})"
s = Seq("abcdef")
print(s[0], s[-1], s[1:4], s[::-2], len(s), list(s), "c" in s, "z" in s)
for ch in s:
    print(ch, end="")
print()
print(sorted(Seq([3, 1, 2])), list(reversed(Seq([1, 2, 3]))), list(enumerate(Seq("xy"))))
a, b, c = Seq([7, 8, 9])
print(a, b, c, max(Seq([4, 9, 2])), sum(Seq(range(5))))
class ZeroLen:
    def __len__(self):
        return 0
print(bool(ZeroLen()), len(ZeroLen()), "truthy" if ZeroLen() else "falsy")
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class Default(dict):
    pass
class Missing:
    pass
try:
    Missing()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    Missing()[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    len(Missing())
except TypeError as e:
    print("TypeError:", e)
try:
    del Missing()[0]
except TypeError as e:
    print("TypeError:", e)
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __getitem__(self, idx):
        r, c = idx
        return self.rows[r][c]
m = Matrix([[1, 2], [3, 4]])
print(m[0, 0], m[1, 0], m[-1, -1])
