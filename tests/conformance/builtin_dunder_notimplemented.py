# Calling a built-in type's dunder directly with an operand it does not handle
# returns NotImplemented (int.__eq__(float) included); the operators still work.
print((1).__eq__(1.0), (1).__ne__(1.5), (1).__lt__(1.5), (1).__ge__(0.5), (True).__eq__(1.0))
print((1.0).__eq__(1), (1.5).__gt__(1), (1).__eq__(1), (1).__eq__(True), (1j).__eq__(0))
print(1 == 1.0, 1 < 1.5, 2 >= 1.5, 1.0 == 1, (1).__add__(1.5), (1.5).__add__(1), (1).__radd__(2.5))
print((1).__eq__("1"), "a".__eq__(1), [1].__eq__((1,)), (1, 2).__lt__([1, 3]))
class I(int):
    def __eq__(self, other):
        r = super().__eq__(other)
        print("  int.__eq__ ->", r)
        return r
    __hash__ = int.__hash__
print(I(1) == 1.0, I(1) == 1, I(2) == 2.5)
print(sorted([3, 1.5, 2, 0.5]), max(1, 1.0), min(2.0, 2), {1: "a", 1.0: "b"})
