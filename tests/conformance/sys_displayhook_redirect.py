# sys.displayhook writes through the current sys.stdout (and sets builtins._).
import builtins
import io
import sys

buf = io.StringIO()
sys.stdout = buf
sys.displayhook([1, "a"])
sys.displayhook(None)
sys.displayhook(3.5)
sys.stdout = sys.__stdout__
print(repr(buf.getvalue()), builtins._)
sys.displayhook("direct")
