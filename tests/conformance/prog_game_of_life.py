# Realistic: Conway's game of life on a small toroidal grid.
W, H = 10, 8
def parse(rows):
    return {(x, y) for y, row in enumerate(rows) for x, ch in enumerate(row) if ch == "#"}
def render(cells):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(W)) for y in range(H))
def step(cells):
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    n = ((x + dx) % W, (y + dy) % H)
                    counts[n] = counts.get(n, 0) + 1
    return {c for c, k in counts.items() if k == 3 or (k == 2 and c in cells)}
glider = parse([
    ".#........",
    "..#.......",
    "###.......",
])
cells = glider
for gen in range(5):
    print(f"generation {gen}: {len(cells)} cells, bbox {min(cells)} {max(cells)}")
    print(render(cells))
    cells = step(cells)
blinker = parse(["", "", "...###...."])
b1 = step(blinker)
print(sorted(b1), step(b1) == blinker)
cells = glider
for _ in range(4 * W):
    cells = step(cells)
print("after 40 steps same shape:", cells == glider, len(cells))
