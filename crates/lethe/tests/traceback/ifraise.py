x = 1
if x: raise KeyError(x)
