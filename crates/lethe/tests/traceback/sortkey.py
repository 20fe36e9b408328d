l = [3, None, 1]
s = sorted(l, key=lambda v: v + 1)
