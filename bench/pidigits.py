# pidigits: big-integer arithmetic (Gibbons' unbounded spigot for the digits of pi).
# scale: default=5000 smoke=60
import sys


def pidigits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return digits


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    digits = pidigits(n)
    line = ""
    for i, d in enumerate(digits):
        line += str(d)
        if (i + 1) % 10 == 0:
            print(f"{line}\t:{i + 1}")
            line = ""
    if line:
        print(f"{line}{' ' * (10 - len(line))}\t:{n}")
    print(f"digit sum {sum(digits)}")


main()
