class M:
    def __setitem__(self, k, v):
        raise KeyError(k)
m = M()
m["a"] = 1 if True else 2
