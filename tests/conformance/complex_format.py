# format() of complex numbers: no type, e/f/g/n types, widths, alignment, signs, grouping.
nan = float('nan')
inf = float('inf')
vals = [1j, -1j, 0j, -0j, 1 + 2j, -1.5 - 2.25j, complex(nan, inf), complex(-inf, 1),
        12345.678 + 1j, 1e-10 + 1e20j, complex(-0.0, 0.0)]
specs = ['', '10', '<16', '^16', '*>16', '+', '-', ' ', '.2f', '.0f', '#.0f', 'e', '.3e', 'E', 'g',
         '.3g', '#g', 'G', 'n', '.2', '.10', ',.2f', '_.1f', ',', '20.3', 'z.1f', '+.1e', '<', '>12.1f']
for z in vals:
    print(repr(z), [format(z, s) for s in specs])
print(f"{1+2j:>20}|{3j:<8}|{-2-1j:^12.2f}|{1e6+1e6j:,.1f}")
print('{0} {0!r} {0:.3f} {1:e}'.format(1.5 + 0.25j, -1j))
for s in ['d', 'x', '%', 's', '=10', '010', '0<10', '=', 'c', 'b', ',d']:
    try:
        print(s, format(1 + 2j, s))
    except ValueError as e:
        print(s, 'ValueError:', e)
