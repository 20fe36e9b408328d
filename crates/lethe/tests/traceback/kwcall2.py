class P:
    def m(self, *, k):
        return k.upper()
P().m(k=5)
