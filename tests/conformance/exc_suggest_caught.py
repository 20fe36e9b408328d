# Suggestions are only printed for uncaught errors; str() never has them.
try:
    prnt("x")
except NameError as e:
    print(str(e), "|", e.name)
class A:
    value = 1
try:
    A().valeu
except AttributeError as e:
    print(str(e), "|", e.name, type(e.obj).__name__)
try:
    getattr([], "apend")
except AttributeError as e:
    print(e, e.name, e.obj)
print(hasattr(A(), "valeu"), getattr(A(), "valeu", "default"))
class K:
    valu = 1
    try:
        vale
    except NameError as e:
        print(e, e.name)
