# bin, oct, hex, format of ints and objects with __index__/__format__.
for v in (0, 5, -5, 255, 2**70, -2**64, True):
    print(bin(v), oct(v), hex(v))
class Idx:
    def __index__(self):
        return 42
print(bin(Idx()), oct(Idx()), hex(Idx()))
for bad in (1.5, "10", None):
    try:
        hex(bad)
    except TypeError as e:
        print("TypeError:", e)
print(format(255, "x"), format(255, "#X"), format(3.14159, ".2f"), format("s", ">4"), format(7), format(1234567, ","))
class F:
    def __format__(self, spec):
        return f"F<{spec}>"
print(format(F(), "abc"), f"{F():xyz}", format(F()))
try:
    format(object(), "d")
except TypeError as e:
    print("TypeError:", e)
print(format(True), format(None), format([1, 2]), format(-0.0, "+.1f"), format(10, "b"))
print(int(bin(37), 2), int(oct(37), 8), int(hex(37), 16))
