# An exception no except* clause matches leaves the try as it was raised.
print("start")
try:
    raise OSError("not matched")
except* ValueError:
    print("no")
except* TypeError:
    print("no")
