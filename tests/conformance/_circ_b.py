print("b: start")
import _circ_a
print("b: sees a.A_EARLY =", _circ_a.A_EARLY)
try:
    print(_circ_a.A_LATE)
except AttributeError as e:
    print("b: AttributeError:", e)
try:
    from _circ_a import A_LATE
except ImportError as e:
    print("b: ImportError:", str(e).split(" (/")[0].split(" (./")[0])
from _circ_a import A_EARLY
print("b: from-import ok", A_EARLY)
B = "bee"
print("b: end")
