# Formatted report with f-strings: alignment, widths from variables, numbers.
rows = [("Widget", 4, 3.5), ("Gadget-XL", 12, 12.25), ("Nut", 1000, 0.015), ("Ünïcode", 7, -2.0)]
w = max(len(r[0]) for r in rows)
print(f"{'Item':<{w}} | {'Qty':>6} | {'Price':>9} | {'Total':>11}")
print(f"{'':-<{w}}-+-{'':-^6}-+-{'':->9}-+-{'':->11}")
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<{w}} | {qty:>6,} | {price:>9.3f} | {total:>11,.2f}")
print(f"{'TOTAL':>{w}} | {sum(r[1] for r in rows):>6,} | {'':>9} | {grand:>11,.2f}")
print(f"{grand:e} {grand:.3g} {grand:015.4f} {int(grand):#x} {int(grand):b}")
for i, (name, *_) in enumerate(rows):
    print(f"{i:02d}. {name!r:>12} {name:.3}... {len(name):>{i + 1}}")
pct = [0.05, 0.5, 0.999, 1.0, 1.2345]
print(" ".join(f"{p:.1%}" for p in pct), " ".join(f"{p:>7.2%}" for p in pct))
print(f"{'left':<10}|{'center':^10}|{'right':>10}|")
print(f"{'*':*^21}")
print(f"{42:^+8d}|{-42:^8d}|{42:<08d}|{3.14159:^12.2e}|")
