# Subclassing built-in types (int, list, dict, str, Exception).
class MyInt(int):
    pass
mi = MyInt(5)
print(mi + 1, type(mi + 1).__name__, isinstance(mi, int), type(mi).__name__)
class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), type(ml).__name__)
class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
dd = DefaultDict()
dd["a"] += 5
print(dd, dd["zz"], sorted(dd), isinstance(dd, dict))
class Upper(str):
    def shout(self):
        return self.upper() + "!"
u = Upper("hey")
print(u, u.shout(), u + "x", type(u + "x").__name__, len(u), u == "hey")
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
st = Stack()
st.push(1); st.push(2)
print(st, st.peek(), st.pop(), st, bool(st), Stack([3]) == [3])
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-7), Pos(3) + Pos(-4), type(Pos(1)).__name__)
