# sys.float_info / sys.int_info struct sequences, math.ulp and math.nextafter.
import sys, math
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info[0], len(sys.float_info), sys.float_info.dig, sys.int_info, sys.int_info.bits_per_digit)
print(math.ulp(1.0), math.ulp(0.0), math.ulp(-2.5), math.ulp(1e308), math.ulp(float("inf")), math.ulp(sys.float_info.max))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(-0.0, 1.0), math.nextafter(2.0, 2.0), math.nextafter(-1.0, -2.0), math.nextafter(sys.float_info.max, math.inf))
try: sys.float_info.nope
except AttributeError as e: print(e)
