# str.format: positional, indexed, keyword, attribute and index fields.
print("{} {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{name}-{n}".format(name="N", n=3))
print("{0[0]} {0[1]} {1[key]}".format([10, 20], {"key": "val"}), "{0.real} {0.imag}".format(3 + 0j) if False else "{0[2]}".format("abc"))
class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Pt(1, 2)
print("({0.x}, {0.y})".format(p), "{p.x}/{p.y}".format(p=p), "{.x}".format(p))
print("{{}} {{{}}} {{0}}".format(5), "{:>6}|{:<6}|{:^6}|".format("r", "l", "c"), "{0:*>{1}}".format("w", 5))
print("{:.2f} {:,} {:x} {:08.3f} {:+d}".format(3.14159, 1234567, 255, 2.5, 7))
print("{!r} {!s} {!a}".format("q", "q", "é"), "{0!r:>6}".format("z"))
d = {"a": 1, "b": 2}
print("{a} and {b}".format(**d), "{} {} {}".format(*[1, 2, 3]), "{0}{0}{0}".format("ha"))
print("{:{fill}{align}{width}}".format("mid", fill="~", align="^", width=9))
print("{0:{1}.{2}f}".format(3.14159, 10, 3), "{:d}".format(True), "{}".format(None))
print("{0} {1} {2}".format(*"xyz"), "{k[0]}".format(k=(9, 8)), "{0[1][0]}".format([[1], [2]]))
print("{:5}|{:5}|{:<5}|".format(1, "s", 2), "{:^7.2f}|".format(-1.5), "{:e}".format(0.5))
for fmt, args, kwargs in [("{}", (), {}), ("{1}", (0,), {}), ("{x}", (), {}), ("{} {0}", (1,), {}), ("{:q}", (1,), {}), ("{", (), {}), ("}", (), {})]:
    try:
        print(fmt.format(*args, **kwargs))
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print("{0}-{0}".format([1]), "{!r}".format([1, "a"]), format([1], ""), "{:>4}".format("long string"))
print("Total: {total:>10,.2f}".format(total=1234567.891))
print("{:%}".format(0.25), "{:.1%}".format(1 / 3), "{:g}".format(1e-7), "{:G}".format(1e20))
