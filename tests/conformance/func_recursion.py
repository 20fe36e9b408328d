# Recursion, mutual recursion, deep recursion with raised limit.
import sys
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print([fact(i) for i in range(10)], fact(30))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(20)])
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7), is_odd(0))
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
m = hanoi(4, "A", "B", "C", [])
print(len(m), m[:5])
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), ackermann(3, 3))
def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]
print(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]]))
def perms(s):
    if len(s) <= 1:
        return [s]
    return [s[i] + p for i in range(len(s)) for p in perms(s[:i] + s[i + 1:])]
print(perms("abc"), len(perms("abcde")))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(sys.getrecursionlimit() >= 1000)
sys.setrecursionlimit(10000)
print(sys.getrecursionlimit())
print(depth(5000))
def sum_list(lst):
    return 0 if not lst else lst[0] + sum_list(lst[1:])
print(sum_list(list(range(300))))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20))
def binsearch(arr, x, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if arr[mid] == x:
        return mid
    if arr[mid] < x:
        return binsearch(arr, x, mid + 1, hi)
    return binsearch(arr, x, lo, mid - 1)
arr = list(range(0, 100, 3))
print([binsearch(arr, v, 0, len(arr) - 1) for v in (0, 3, 51, 99, 100, 4)])
