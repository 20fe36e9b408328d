d = {}
try:
    d["a"]
except KeyError:
    x = [1][2]
