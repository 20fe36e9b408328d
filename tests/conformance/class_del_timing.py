# __del__ runs when the last reference goes: a rebound local, a store over an
# attribute or list item (also in hot loops run as native code), a discarded
# expression value.
class D:
    def __init__(self, k): self.k = k
    def __del__(self):
        if self.k < 30 or self.k % 1000 == 0: print('del', self.k)
class H: pass
def local(n):
    for i in range(n):
        o = D(i)
    print("end")
def attr(n):
    h = H()
    for i in range(n):
        h.x = D(10 + i)
    print("end")
def item(n):
    l = [None]
    for i in range(n):
        l[0] = D(20 + i)
    print("end")
local(3); local(3000)
attr(3)
item(3)
class D:
    def __init__(self, k): self.k = k
    def __del__(self): print('del', self.k)
def d():
    o = D(1)
    o = D(2)
    print("end")
d()
def c():
    l = [D(3)]
    l.pop()
    print('end2')
c()
class F:
    def __del__(self): print('del')
def c():
    for i in range(3):
        F()
        print('i', i)
c()
print('end')
