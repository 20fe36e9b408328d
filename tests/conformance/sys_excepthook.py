# A replaced sys.excepthook gets the uncaught exception (type, value, traceback);
# sys.__excepthook__ prints it as usual; the exit status stays 1.
import sys


def hook(t, v, tb):
    print("custom hook:", t.__name__, v, tb is not None, tb.tb_lineno)
    sys.__excepthook__(t, v, tb)


print(sys.excepthook is sys.__excepthook__, sys.__excepthook__.__name__)
sys.excepthook = hook
print("before")
raise ValueError("boom")
