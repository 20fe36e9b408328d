# Format-spec mini-language via f-strings and format().
n = 1234567
print(f"[{n:d}] [{n:10d}] [{n:<10d}] [{n:^10d}] [{n:>10d}] [{n:*^12d}] [{n:010d}] [{n:+d}] [{-n:+d}] [{n: d}] [{-n: d}]")
print(f"[{n:,}] [{n:_}] [{n:_x}] [{n:_b}] [{-n:,}] [{n:15,}] [{n:015,}] [{0:,}]")
print(f"[{255:b}] [{255:o}] [{255:x}] [{255:X}] [{255:#b}] [{255:#o}] [{255:#x}] [{255:#X}] [{-255:#x}] [{255:#010x}]")
print(f"[{65:c}] [{0x263A:c}] [{42:n}] [{-42:=8d}] [{42:=+8d}] [{42:0=8d}] [{-5:08d}] [{5:-d}]")
f = 3.14159265
print(f"[{f:f}] [{f:.2f}] [{f:10.3f}] [{f:<10.3f}] [{f:^10.1f}] [{f:+.2f}] [{-f:.0f}] [{f:010.2f}] [{f:.0f}] [{2.5:.0f}] [{0.5:.0f}]")
print(f"[{f:e}] [{f:.2e}] [{f:E}] [{12345.678:.3e}] [{0.0:e}] [{-1e-10:.1e}] [{1e100:e}]")
print(f"[{f:g}] [{f:.3g}] [{1234567.0:g}] [{0.00001234:g}] [{1e-5:g}] [{1e16:g}] [{100000.0:g}] [{1e6:g}] [{f:G}] [{1e-10:G}]")
print(f"[{0.5:%}] [{0.125:.1%}] [{1:.0%}] [{-0.333:.2%}]")
print(f"[{f}] [{f:}] [{f:.3}] [{1e16:.3}] [{123.456:.2}] [{0.1:r}]" if False else f"[{f}] [{f:.3}] [{123.456:.2}] [{1.0:.3}]")
print(f"[{1234.5:,.2f}] [{1234567.891:_.1f}] [{-1234.5:,}] [{1e6:,.0f}]")
print(f"[{'abc':5}] [{'abc':>5}] [{'abc':^6}] [{'abc':-<6}] [{'abc':.2}] [{'abc':>6.1}] [{'':3}] [{'abc':s}]")
print(f"[{3:5}] [{'3':5}] [{3.5:6}] [{True:5}] [{None!s:>6}] [{[1, 2]!s:>8}]")
print(format(255, "x"), format(3.5, "08.3f"), format("s", "^5"), format(12), format(1.5), format(-7, "+05d"))
print(f"[{float('inf'):f}] [{float('-inf'):8.2f}] [{float('nan'):f}] [{float('inf'):e}] [{float('nan'):+g}] [{float('inf'):%}]")
print(f"[{1.5:#g}] [{1.0:#.3g}] [{1.0:#.0f}] [{10:#.3g}]" if False else f"[{1.5:g}] [{1.0:.3g}] [{100:.3g}] [{1000:.3g}] [{-0.0:g}] [{-0.0:.1f}]")
print(f"[{12:#b}] [{-12:b}] [{0:#x}] [{2**64:x}] [{-2**70:,}] [{2**70:_d}]")
print(f"[{7:>+5}] [{7:<+5}] [{-7:^5}] [{7:=+5}]")
print(f"[{0.000123456:.3g}] [{123456789.0:.4g}] [{9.9999:.3g}] [{99999.5:.5g}] [{0.0001:.0e}]")
print(f"[{1/3:.15f}] [{2/3:.20f}] [{1e22:f}] [{1.5e300:.3e}] [{5e-324:g}]")
for spec in ["", "d", "5d", "x", "o", "b", ",", "e", "f", "g", "%", ".1f"]:
    try:
        print(repr(spec), repr(format(10, spec)))
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
for bad in [lambda: format("s", "d"), lambda: format(1.5, "d"), lambda: format(3, ".2s") if False else format("x", "+")]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
