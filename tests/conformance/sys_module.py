# sys: argv, maxsize, recursion limit, modules, exit via SystemExit.
import sys
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0])
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.maxsize + 1, -sys.maxsize - 1)
old = sys.getrecursionlimit()
print(type(old).__name__, old >= 1000)
sys.setrecursionlimit(2500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
import sys as system
print(system is sys, system.maxsize == sys.maxsize)
from sys import maxsize as ms, argv
print(ms == sys.maxsize, argv is sys.argv)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
sys.setrecursionlimit(8000)
print(depth(6000))
print(len(str(sys.maxsize)), hex(sys.maxsize), hasattr(sys, "exit"), callable(sys.exit))
