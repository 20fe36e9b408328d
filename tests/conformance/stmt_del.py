# del on names, items, slices and attributes.
a = 1
b = [0, 1, 2, 3, 4, 5]
del a
try:
    print(a)
except NameError as e:
    print("NameError:", e)
del b[0]
print(b)
del b[-1]
print(b)
del b[1:3]
print(b)
d = {"x": 1, "y": 2, "z": 3}
del d["y"]
print(d)
class O:
    cls_attr = "c"
    def __repr__(self):
        return "O(" + ", ".join(sorted(self.__dict__)) + ")"
o = O()
o.p = 1
o.q = 2
print(o, hasattr(o, "p"))
del o.p
print(o, hasattr(o, "p"))
try:
    del o.p
except AttributeError as e:
    print("AttributeError:", e)
try:
    del o.cls_attr
except AttributeError as e:
    print("AttributeError:", e)
del O.cls_attr
print(hasattr(O, "cls_attr"))
x, y, z = 1, 2, 3
del x, y
try:
    print(z, y)
except NameError as e:
    print(z, "NameError:", e)
l = [[1, 2], [3, 4]]
del l[0][1], l[1]
print(l)
def f():
    v = 5
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
g = 10
def h():
    global g
    del g
h()
try:
    print(g)
except NameError as e:
    print("NameError:", e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
s = "abc"
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
lst = list(range(10))
del lst[::2]
print(lst)
del lst[:]
print(lst)
for i in range(3):
    pass
del i
try:
    print(i)
except NameError as e:
    print("NameError:", e)
