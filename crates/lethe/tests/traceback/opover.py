class V:
    def __add__(self, o):
        raise TypeError("no add")
x = [V() + V()]
