# Uncaught user exception without message and with a module-qualified name.
class Oops(Exception):
    pass
print("before")
try:
    raise Oops()
except Oops as e:
    print("caught once:", repr(e), repr(str(e)))
raise Oops
