class A: pass
a = A()
print(a.x.y)
