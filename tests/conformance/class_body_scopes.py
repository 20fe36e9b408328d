# Names in a class body nested in a function: the body's own bindings live in the
# class namespace even when a method closes over the same name of the function.
def outer():
    v = "outer"
    class Inner:
        v = "class"
        def m(self):
            return v
        seen = v
    return Inner().m(), Inner.v, Inner.seen, v
print(outer())

def outer_read_only():
    v = "outer"
    class Inner:
        w = v          # free in the class: the function's variable
        def m(self):
            return v
    return Inner.w, Inner().m(), "v" in Inner.__dict__
print(outer_read_only())

def outer_nonlocal():
    v = "outer"
    class Inner:
        nonlocal v
        v = "rebound by class"
        def m(self):
            return v
    return v, Inner().m(), "v" in Inner.__dict__
print(outer_nonlocal())

def outer_del():
    v = "outer"
    class Inner:
        v = "class"
        def m(self):
            return v
        del v
    return Inner().m(), hasattr(Inner, "v"), v
print(outer_del())

def outer_nested():
    x = 1
    class A:
        x = 2
        class B:
            x = 3
            def m(self):
                return x
        def m(self):
            return x
        inner = [x for _ in range(1)]
    return A().m(), A.B().m(), A.x, A.B.x, A.inner
print(outer_nested())

def outer_counter():
    count = 0
    class C:
        count = 100
        def bump(self):
            nonlocal count
            count += 1
            return count
    c = C()
    c.bump(); c.bump()
    return count, C.count
print(outer_counter())

def outer_augassign():
    total = 10
    class C:
        total = 1
        total += 5
        def get(self):
            return total
    return C.total, C().get()
print(outer_augassign())

g = "global"
def outer_global_fallback():
    g = "local g"
    class C:
        print("before:", g)
        g = "class g"
        def m(self):
            return g
    return C.g, C().m()
print(outer_global_fallback())

def outer_unbound():
    v = "outer"
    class C:
        print(v)
        v = "class"
        def m(self):
            return v
    return C
outer_unbound()
