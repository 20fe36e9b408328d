# cmath: sqrt, exp, log, phase, polar, rect, predicates and constants.
import cmath
for z in [1j, -4, 3 + 4j, -3 - 4j, 1e-320 + 1e-320j, 2, 0.5 - 0.25j, 1e300 + 1e300j, -1e-5j,
          complex(-1, -0.0), complex(-1, 0.0), 0.9 + 0.5j]:
    print(z, cmath.sqrt(z), cmath.phase(z), cmath.polar(z))
    if abs(z) < 700:
        print('  exp', cmath.exp(z))
    print('  log', cmath.log(z), cmath.log(z, 10), cmath.log(z, 2 + 1j))
print(cmath.rect(2, 0.5), cmath.rect(1, 0), cmath.rect(0, 1), cmath.rect(-1, -0.0))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nanj, cmath.nan)
print(cmath.isnan(cmath.nanj), cmath.isnan(1), cmath.isinf(complex(1, cmath.inf)), cmath.isinf(1j),
      cmath.isfinite(1), cmath.isfinite(cmath.infj))
print(cmath.sqrt(-0.0), cmath.sqrt(0), cmath.sqrt(complex(0.0, -0.0)), cmath.exp(0), cmath.exp(1j * cmath.pi))
for bad in [lambda: cmath.log(0), lambda: cmath.exp(1000), lambda: cmath.sqrt('x'), lambda: cmath.log(1, 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ':', e)
cmath.sqrt(None)
