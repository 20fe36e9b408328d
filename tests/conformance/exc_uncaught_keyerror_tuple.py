# Uncaught KeyError whose key is a tuple.
grid = {(0, 0): "origin", (1, 0): "east"}
for pos in [(0, 0), (1, 0)]:
    print(pos, grid[pos])
print(grid[(2, 3)])
