# Subclassing list: real lists for isinstance and built-ins; overridden methods.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s.pop(), s, type(s).__name__)
print(isinstance(s, list), isinstance(s, Stack), issubclass(Stack, list))
print(sorted(Stack([3, 1, 2])), sum(s), max(s), list(s), tuple(s), s == [1, 2], s + [9])
print(type(s + [9]).__name__, type(s[:1]).__name__, s * 2, [0] + s)
s += [7]
print(s, type(s).__name__)
s.extend(range(2))
s.sort(reverse=True)
print(s, s.index(7), s.count(1), 7 in s, bool(Stack()), repr(Stack()))
class Logged(list):
    def append(self, x):
        print("append", x)
        super().append(x)
    def __getitem__(self, i):
        print("getitem", i)
        return super().__getitem__(i)
    def __len__(self):
        return 100
l = Logged([5])
l.append(6)
print(l[0], len(l), list(l), l)
class Init(list):
    def __init__(self, n):
        super().__init__(range(n))
        self.n = n
i = Init(3)
print(i, i.n, ", ".join(map(str, i)))
a, b, c = i
print(a, b, c, [x * 2 for x in i], dict(zip(i, "abc")))
class Empty(list): pass
e = Empty("abc")
e[0] = "z"
del e[1]
print(e, e[-1], e[::-1], "|".join(e))
