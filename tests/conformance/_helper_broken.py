# Helper module that fails while importing.
print("broken helper starts")
VALUE = 1
raise ValueError("helper failed to initialise")
