# Uncaught ValueError: too many values to unpack.
rows = ["a,1", "b,2", "c,3,extra"]
for row in rows:
    name, value = row.split(",")
    print(name, int(value) * 10)
