class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        if x > 150:
            return x + y


class Cold:
    def __init__(self, v):
        try:
            return v
        except TypeError:
            print("not here")


def make(n):
    return Point(n, n + 1)


total = 0
for i in range(200):
    try:
        total += make(i).y
    except TypeError as e:
        last = e
print(total, last)
try:
    {}["missing"]
except KeyError:
    values = [Cold(None), Cold(2.5)]
