class A:
    def m(self, x):
        raise ValueError(x)
a = A()
r = (a
     .m(1))
