# generators: generator pipelines, generator expressions and list/dict/set comprehensions.
# scale: default=1000000 smoke=3000
import sys


def naturals(n):
    i = 0
    while i < n:
        yield i
        i += 1


def mapped(it, k):
    for x in it:
        yield (x * k + 7) % 1009


def filtered(it):
    for x in it:
        if x % 3 != 0:
            yield x


def windows(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf = buf[1:]


def chunked(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    pipeline_sum = sum(a + b - c for a, b, c in windows(filtered(mapped(naturals(n), 31)), 3))
    print(f"pipeline {pipeline_sum}")

    squares = [x * x for x in range(n) if x % 5 != 2]
    evens = {x: x // 2 for x in squares if x % 2 == 0}
    residues = {x % 1013 for x in squares}
    print(f"comprehensions {len(squares)} {len(evens)} {len(residues)} {sum(evens.values()) % 1000003}")

    chunk_sums = [sum(c) for c in chunked(naturals(n), 64)]
    print(f"chunks {len(chunk_sums)} {max(chunk_sums)} {min(chunk_sums)}")

    lengths = [collatz_len(k) for k in range(1, n // 10 + 1)]
    best = max(range(len(lengths)), key=lambda i: lengths[i])
    print(f"collatz longest below {n // 10 + 1}: {best + 1} ({lengths[best]} steps)")

    nested = sum(i * j for i in range(200) for j in range(i) if (i ^ j) & 1)
    matrix = [[(i * j) % 7 for j in range(60)] for i in range(60)]
    trace = sum(matrix[i][i] for i in range(60))
    flat = [v for row in matrix for v in row if v]
    print(f"nested {nested} trace {trace} flat {len(flat)} {any(v > 5 for v in flat)} {all(v < 7 for v in flat)}")


main()
