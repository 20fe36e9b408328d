# Inconsistent MROs and bad bases raise TypeError with CPython's messages.
class A: pass
class B(A): pass
for make in [
    lambda: type("C", (A, B), {}),
    lambda: type("C", (A, A), {}),
    lambda: type("C", (bool,), {}),
    lambda: type("C", (int, str), {}),
    lambda: type("C", (list, dict), {}),
]:
    try:
        make()
        print("created")
    except TypeError as e:
        print("TypeError:", e)
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("class statement:", e)
class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass
try:
    class R(P, Q): pass
except TypeError as e:
    print(e)
class Ok(B, A): pass
print([c.__name__ for c in Ok.__mro__])
class Again(P, X): pass
print([c.__name__ for c in Again.__mro__])
class Fail(A, B): pass
