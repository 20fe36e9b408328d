import string
f = string.Formatter()
print(f.format("{0}-{x}", 1, x=2), list(f.parse("a{0}b{x!r:>3}")), list(f.parse("{{lit}} {a[0].b:{w}} end")), list(f.parse("")))
print(f.format("{} {} {}", 1, "a", 2.5), f.format("{0[1]} {1.real}", [5, 6], 3), f.format("{:>{w}}", "x", w=4), f.format("{!r:^7}", "q"))
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs: return f"<{key}>"
        return super().get_value(key, args, kwargs)
print(Upper().format("hello {name} and {missing}", name="bob"))
for bad in ["{", "}", "{0!}", "{0!x}", "{0!rr}", "{} {0}"]:
    try: print(f.format(bad, 1))
    except (ValueError, IndexError) as e: print(type(e).__name__, e)
print(f.vformat("{a}+{b}", (), {"a": 1, "b": 2}))

for s in ['a{{b', '{{', '}}x', 'x{0[a:b]}y', '{0:{1}}', '{a!s}', '{!r}']: print(list(string.Formatter().parse(s)))
