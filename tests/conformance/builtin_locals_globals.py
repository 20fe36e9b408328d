# locals() and globals().
g = 10
def f(x, y=2):
    z = x + y
    return locals()
print(f(1))
def g_func():
    return "g" in globals(), globals()["g"], globals() is globals()
print(g_func())
globals()["made"] = "dynamic"
print(made)
def closure():
    outer = 1
    def inner():
        return sorted(locals())
    return inner()
print(closure())
def nested():
    a = 1
    l1 = locals()
    b = 2
    return sorted(l1), sorted(locals())
print(nested())
class K:
    x = 1
    y = sorted(k for k in locals() if not k.startswith("__"))
print(K.y)
print(locals() is globals(), sorted(k for k in locals() if k in ("g", "f", "K")))
def no_locals():
    return locals()
print(no_locals())
