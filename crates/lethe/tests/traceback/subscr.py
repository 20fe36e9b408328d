d = {}
x = d["k"]
