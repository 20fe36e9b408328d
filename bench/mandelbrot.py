# mandelbrot: float loops over an N x N grid; prints points inside and an iteration checksum.
# scale: default=500 smoke=24
import sys


def mandelbrot(size, max_iter):
    inside = 0
    total = 0
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            zr = 0.0
            zi = 0.0
            i = 0
            while i < max_iter:
                tr = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = tr
                if zr * zr + zi * zi > 4.0:
                    break
                i += 1
            if i == max_iter:
                inside += 1
            total += i
    return inside, total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    inside, total = mandelbrot(n, 100)
    print(f"{n}x{n}: inside={inside} iterations={total}")


main()
