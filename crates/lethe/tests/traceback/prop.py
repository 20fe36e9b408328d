class A:
    @property
    def p(self):
        return self.q
a = A()
v = a.p + 1
