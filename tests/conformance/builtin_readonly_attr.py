# Assigning a read-only attribute of a built-in value: CPython's messages.
import fractions
for obj, name in [(1, "real"), (1, "imag"), (1.5, "real"), (2j, "imag"), (1, "numerator"), (True, "denominator"),
                  (slice(1, 2), "start"), (range(3), "stop"), (1, "bit_length"), ("s", "upper"), (1, "nope"),
                  ([], "x"), ({}, "keys"), (None, "x"), (b"x", "hex")]:
    try:
        setattr(obj, name, 5)
        print("set?")
    except AttributeError as e:
        print(e)
