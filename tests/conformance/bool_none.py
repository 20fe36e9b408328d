# bool and None semantics.
print(True, False, repr(True), str(False), None, repr(None))
print(True + True, True * 3, False + 0.5, True / 2, -True, ~False, True - False)
print(True == 1, False == 0, True is True, True == 1.0, isinstance(True, int), type(True).__name__)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool(" "), bool([]), bool([0]),
      bool({}), bool(()), bool(None), bool(range(0)), bool(range(1)))
print(int(True), float(False), str(True), True and 5, 0 or "x", None or 0, 3 and 0)
print(not None, not 0, not [], not [1], None is None, None == None, None != 0)
print(sum([True, True, False, True]), max(True, 2), [True] * 3)
print(True < 2, False < True, sorted([True, False, 2, -1, 0]))
print({True: "a", 1: "b", 1.0: "c"}, {False, 0, 0.0})
print(hash(True), hash(False), hash(None) == hash(None))
print(type(None).__name__, bool.__name__, True.__class__.__name__)
x = None
print(x is None, x is not None, "yes" if x is None else "no")
def f():
    pass
print(f(), f() is None)
print([1, 2][True], "ab"[False], (10, 20)[True])
print(True ** 2, 2 ** True, divmod(True, True), True << 3, True & 3)
print(format(True), format(True, "d"), f"{True}", f"{True:>6}", "%s %d" % (True, True))
print(bool("False"), bool("0"), str(bool(None)))
