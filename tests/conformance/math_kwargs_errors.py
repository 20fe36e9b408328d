# math/cmath functions given keyword arguments: CPython's TypeErrors (most take none).
import math, cmath
for t in ['math.sqrt(x=4)', 'math.isclose(1, 1, rel_tol=0.1, foo=1)', 'math.prod([2,3], start=2)', 'math.log(8, base=2)', 'math.pow(x=1, y=2)', 'math.isclose(a=1, b=1)', 'math.gcd(a=1)','math.floor(x=1.5)', 'math.dist(p=[1], q=[2])', 'math.perm(5, k=2)', 'math.comb(n=5, k=2)', 'math.isqrt(n=4)', 'math.fsum(seq=[1])', 'math.hypot(x=1)', 'math.ldexp(x=1, i=2)', 'math.prod(start=1)', 'math.isclose(1, b=2, rel_tol=0.5)', 'math.isclose(1, 2, 3, rel_tol=1)', 'math.isclose(1, rel_tol=1)', 'cmath.sqrt(z=1)', 'cmath.log(1, base=2)', '[].sort(None, key=None)', 'sum([1], 2, 3, start=4)', 'math.isclose(1.0, 1.1, abs_tol=0.2)']:
    try: print(t, eval(t))
    except Exception as e: print(t, type(e).__name__, e)
