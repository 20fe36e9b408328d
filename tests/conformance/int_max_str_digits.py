import sys
x = 10 ** 5000
try: s = str(x); print(len(s))
except ValueError as e: print(e)
try: int("1" * 5000)
except ValueError as e: print(e)
print(len(str(2 ** 10000 // 2 ** 9000)), len(hex(x)), f"{x:x}"[:5])
try: print(f"{x}"[:5])
except ValueError as e: print(e)
try: print(repr(x)[:5])
except ValueError as e: print(e)
print(sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 4300)
sys.set_int_max_str_digits(10000) if hasattr(sys, "set_int_max_str_digits") else None
print(len(str(x)))
print(int("9" * 6000) % 97, str(-10 ** 9999)[:3])
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)), sys.get_int_max_str_digits())
for bad in [5, -1, 639]:
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print(e)
sys.set_int_max_str_digits(maxdigits=700)
try:
    str(10 ** 800)
except ValueError as e:
    print(e)
import math
sys.set_int_max_str_digits(4300)
try:
    print(math.factorial(2000))
except ValueError as e:
    print("factorial:", e)
