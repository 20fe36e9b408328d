class A:
    def __init__(self, v):
        self.v = 1 / v
objs = [A(1), A(0)]
