d = {}
def get(k):
    return d[k]
res = [get("x") for _ in range(2)]
