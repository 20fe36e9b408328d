# Circular import helper: _circ_a imports _circ_b, which imports _circ_a back.
print("a: start")
A_EARLY = "early"
import _circ_b
A_LATE = "late"
print("a: end, b.B =", _circ_b.B)
