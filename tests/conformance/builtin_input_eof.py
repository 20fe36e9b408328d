# input() with nothing left on stdin raises EOFError (uncaught here).
line = input("first: ")
print("got", repr(line))
input("second: ")
