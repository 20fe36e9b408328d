# fib: recursive calls.
# scale: default=34 smoke=18
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 34
    print(f"fib({n}) = {fib(n)}")


main()
