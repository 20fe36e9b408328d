# input() reads a line from stdin; the prompt goes to stdout; EOFError at end.
name = input("name? ")
print("hello", name)
n = int(input())
print(n * 2)
rest = input("> ")
print(repr(rest))
try:
    input("eof? ")
except EOFError as e:
    print("EOFError", e)
