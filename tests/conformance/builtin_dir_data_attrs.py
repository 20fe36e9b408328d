for t in (slice, property, staticmethod, classmethod, BaseException, ValueError, type(len), type(lambda: 0), type, super):
    print(t.__name__, [m for m in dir(t) if not m.startswith("_")])
print([m for m in dir(1) if not m.startswith("_")], [m for m in dir(range(3)) if not m.startswith("_")], [m for m in dir(1.5) if not m.startswith("_")], [m for m in dir(True) if not m.startswith("_")])
print((1.5).conjugate(), True.conjugate(), (3).conjugate(), type((2.0).conjugate()).__name__)
