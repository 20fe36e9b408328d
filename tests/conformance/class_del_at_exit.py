log = []


class Res:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        print("closing", self.name, "log size", len(log))
        log.append(self.name)


class Holder:
    items = [Res("class-level")]


def make():
    return Res("returned")


a = Res("a")
b = Res("b", Res("b.child"))
pair = [Res("p0"), Res("p1")]
d = {"k": Res("in-dict")}
c1 = Res("cycle1")
c2 = Res("cycle2", c1)
c1.child = c2
kept = make()
tmp = Res("deleted-early")
del tmp
print("end of program", len(log))
