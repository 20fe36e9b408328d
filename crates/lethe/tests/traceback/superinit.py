class B:
    def __init__(self, x):
        self.x = 10 // x
class C(B):
    def __init__(self):
        super().__init__(0)
c = C()
