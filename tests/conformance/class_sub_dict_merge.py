# dict.update and ** read a dict subclass as a dict unless it overrides __iter__
class K(dict):
    def keys(self):
        print("keys"); return super().keys()
    def __getitem__(self, k): return 10 * super().__getitem__(k)
class I(dict):
    def __iter__(self): return iter(["a"])
    def keys(self):
        print("keys I"); return ["a"]
    def __getitem__(self, k): return 99
def f(**kw): return kw
d = {}; d.update(K(a=1)); print(d, f(**K(a=1)))
d = {}; d.update(I(a=1, b=2)); print(d, f(**I(a=1, b=2)))
