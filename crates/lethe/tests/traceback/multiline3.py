d = {}
x = d[
    "k"]
