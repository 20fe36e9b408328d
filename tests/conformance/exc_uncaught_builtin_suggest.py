data = [3, 1, 2]
data.sort()
prnt(data)
