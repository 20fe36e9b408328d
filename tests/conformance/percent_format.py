# printf-style % formatting.
print("%s %s" % ("a", 1), "%r" % "x", "%d" % 42, "%i" % -7, "%5d|" % 3, "%-5d|" % 3, "%05d" % 42, "%+d" % 5, "% d" % 5)
print("%f" % 3.14159, "%.2f" % 3.14159, "%8.3f|" % 2.5, "%-8.1f|" % 2.5, "%08.2f" % -2.5, "%.0f" % 2.5, "%.0f" % 3.5)
print("%e" % 12345.678, "%.2e" % 0.00012, "%E" % 1e10, "%g" % 0.0001, "%g" % 1e-5, "%g" % 123456789.0, "%G" % 1e-10, "%.3g" % 3.14159)
print("%x" % 255, "%X" % 255, "%#x" % 255, "%o" % 8, "%#o" % 8, "%x" % -255, "%08x" % 48879, "%c" % 65, "%c" % "z", "%%")
print("%s|%10s|%-10s|%.2s|" % ("str", "right", "left", "truncate"))
print("%(name)s is %(age)d years" % {"name": "Bob", "age": 30}, "%(x)r" % {"x": [1]})
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % (None, True), "%d" % True, "%d" % 3.99, "%s" % 2.0)
print("%*d|" % (6, 42), "%-*s|" % (6, "ab"), "%.*f" % (2, 3.14159))
print("%r %r %r" % (1.5, "q'", None), "%a" % "é", "%5.1f%%" % 99.44)
print("%d items cost $%.2f (%s)" % (3, 9.5, "ok"))
print("%s" % "only", "no args %%" % (), "%i%%" % 50)
print("%10.4s|" % "abcdefg", "%-6r|" % "a", "%3c|" % "x", "%+.1e" % -0.0)
for fmt, val in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1)]:
    try:
        print(fmt % val)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    print("%(missing)s" % {"present": 1})
except KeyError as e:
    print("KeyError:", e)
print("%d %s" % (2 ** 70, 2 ** 70), "%x" % 2 ** 70, "%.3f" % 2 ** 70 if False else "%.1f" % 1e20)
print("%s" % float("inf"), "%f" % float("nan"), "%e" % float("-inf"), "%.2f" % -0.001)
