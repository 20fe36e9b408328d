# nqueens: backtracking search; counts all solutions and checksums the first one found.
# scale: default=12 smoke=6
import sys


def solve(n):
    cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)
    placement = [0] * n
    found = []
    count = 0

    def place(row):
        nonlocal count
        if row == n:
            count += 1
            if not found:
                found.append(placement[:])
            return
        for c in range(n):
            d1 = row + c
            d2 = row - c + n
            if cols[c] or diag1[d1] or diag2[d2]:
                continue
            cols[c] = True
            diag1[d1] = True
            diag2[d2] = True
            placement[row] = c
            place(row + 1)
            cols[c] = False
            diag1[d1] = False
            diag2[d2] = False

    place(0)
    return count, found[0] if found else []


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    total = 0
    for size in range(4, n + 1):
        count, first = solve(size)
        total += count
        print(f"{size}-queens: {count} solutions, first {first}")
    print(f"total {total}")


main()
