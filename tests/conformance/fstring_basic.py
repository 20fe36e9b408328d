# f-string basics: expressions, conversions, nesting, = specifier.
x = 42
name = "Ann"
items = [1, 2]
print(f"x={x}", f"{x + 1}", f"{name!r}", f"{name!s}", f"{name!a}", f"{'é'!a}", f"{items}", f"{items!r}")
print(f"{{literal}}", f"{{{x}}}", f"{x}{x}", f"a{'b'}c", f"{'nested ' + name}")
print(f"{x=}", f"{name=}", f"{x + 1 = }", f"{name=!s}", f"{x=:5d}|", f"{items[0]=}")
w = 8
p = 3
print(f"{x:{w}}|", f"{3.14159:{w}.{p}f}|", f"{name:>{w}}|", f"{name:{'^'}{w}}|")
d = {"k": "v", 1: "one"}
print(f"{d['k']}", f"{d[1]}", f"{len(d)}", f"{d}")
print(f"{'yes' if x > 10 else 'no'}", f"{[i * 2 for i in range(3)]}", f"{(lambda v: v * 3)(2)}")
class P:
    def __init__(self):
        self.attr = "A"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
    def __format__(self, spec):
        return "fmt[" + spec + "]"
obj = P()
print(f"{obj}", f"{obj!r}", f"{obj!s}", f"{obj:xyz}", f"{obj.attr}", str(obj), repr(obj), format(obj, "q"))
print(f"{None}", f"{True}", f"{3.0}", f"{-0.0}", f"{1e20}", f"{10**20}")
multi = (
    f"a={x} "
    f"b={name}"
)
print(multi)
print(f'{"double"}', f"{'single'}", f"""{"triple"}""")
print(f"{x:}", f"{x!r:>5}", f"{name!r:^9}|")
print(f"{'{'}", f"{'}'}", f"{x:#x}{x:#o}", f"{x}%")
