# A sys.excepthook that raises: both tracebacks, as CPython prints them.
import sys


def hook(t, v, tb):
    raise KeyError("in hook")


sys.excepthook = hook
raise ValueError("orig")
