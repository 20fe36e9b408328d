# __new__ is an implicit static method: called through the class, an instance or super().
class A:
    def __new__(cls, *a):
        print("new", cls.__name__, a)
        return super().__new__(cls)
    def __init__(self, x):
        self.x = x
a = A(1)
print(a.x, type(A.__dict__["__new__"]).__name__)
b = a.__new__(A)
print(type(b).__name__, A.__new__(A).__class__.__name__)
class B(A):
    def __new__(cls, x):
        inst = super().__new__(cls, x)
        inst.extra = True
        return inst
bb = B(5)
print(bb.x, bb.extra)
class C(A):
    pass
print(C(3).x)
