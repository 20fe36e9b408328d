class B:
    def __bool__(self):
        raise ValueError("b")
if B():
    pass
