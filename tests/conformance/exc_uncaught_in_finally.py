# Exception raised in finally replaces the original one.
def work():
    try:
        print("working")
        raise ValueError("original")
    finally:
        print("cleanup")
        raise KeyError("from finally")
try:
    work()
except KeyError as e:
    print("caught", repr(e), "context", repr(e.__context__))
print("again, uncaught")
work()
