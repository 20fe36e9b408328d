# A complex literal that is never evaluated does not stop a program.
def uses_complex():
    return 2j
choose = lambda flag: 1j if flag else 0
print(choose(False), 1 if True else 3j, [x for x in [1, 2] if x or 1j])
print(callable(uses_complex), "never called")
try:
    x = 5
except Exception:
    y = 1j
print(x, True or 4j)
print(type(2 ** 0.5).__name__)
print(undefined_name)
