# Circular imports: the partially initialised module is visible from the other side.
import _circ_a
print("main:", _circ_a.A_LATE, _circ_a._circ_b.B)
import sys
print(sys.modules["_circ_a"] is _circ_a, sys.modules["_circ_b"] is _circ_a._circ_b)
