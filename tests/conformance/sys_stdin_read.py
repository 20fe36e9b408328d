# sys.stdin: readline/iteration/read mixed with input(), sys.version_info fields.
import sys

first = sys.stdin.readline()
print(repr(first))
print(repr(input()))
print(repr(sys.stdin.readline(3)), repr(sys.stdin.readline()))
header = input('prompt> ')
print('header', header.split(','))
total = 0
count = 0
for line in sys.stdin:
    line = line.strip()
    if not line:
        break
    name, qty, price = line.split(',')
    total += int(qty) * float(price)
    count += 1
    print(f'{name:<8}{int(qty):>4}{float(price):>8.2f}')
print(f'{count} rows, total {total:.2f}')
words = sys.stdin.readline().split()
print(sorted(words, key=str.lower))
rest = sys.stdin.read()
print(repr(rest))
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.readlines())
from sys import stdin
print(stdin is sys.stdin, stdin.name, stdin.readable())
try:
    input()
except EOFError as e:
    print('EOFError', e)
v = sys.version_info
print(v.major, v.minor, v[:2], v >= (3, 8), v[0], len(v), type(v).__name__)
print(v.releaselevel, v.serial, isinstance(v, tuple), v < (4,), v[:2] == (3, 11))
major, minor, *_ = sys.version_info
print(major, minor)
