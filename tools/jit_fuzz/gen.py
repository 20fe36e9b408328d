#!/usr/bin/env python3
"""Seeded generator of small random Python programs stressing JIT specialisation."""
import random, sys

BIGS = ['2**47', '2**47-1', '2**63-1', '2**63', '-2**63', '2**62', '-2**47', '2**31', '10**18', '3**40']
FLOATS = ['0.5', '-1.25', '1e300', '-0.0', '3.141592653589793', "float('inf')", "float('-inf')", "float('nan')", '1e-300', '2.5']


class G:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.n = 0

    def name(self, p):
        self.n += 1
        return f"{p}{self.n}"

    def c(self, *xs):
        return self.r.choice(xs)

    def iconst(self):
        r = self.r
        k = r.random()
        if k < 0.5:
            return str(r.randint(-20, 20))
        if k < 0.8:
            return str(r.randint(-100000, 100000))
        return r.choice(BIGS)

    def fconst(self):
        return self.c(*FLOATS) if self.r.random() < 0.4 else repr(round(self.r.uniform(-100, 100), 3))

    def expr(self, vars_, depth=0, allow_float=True):
        r = self.r
        if depth > 2 or r.random() < 0.3:
            k = r.random()
            if k < 0.55 and vars_:
                return r.choice(vars_)
            if k < 0.85 or not allow_float:
                return self.iconst()
            return self.fconst()
        a = self.expr(vars_, depth + 1, allow_float)
        b = self.expr(vars_, depth + 1, allow_float)
        op = r.choice(['+', '-', '*', '+', '-', '*', '//', '%', '**', '&', '|', '^', '<<', '>>', '/', 'abs', 'min', 'max', 'neg', 'cmp'])
        if op == 'abs':
            return f"abs({a})"
        if op in ('min', 'max'):
            return f"{op}({a}, {b})"
        if op == 'neg':
            return f"(-{a})"
        if op == 'cmp':
            return f"({a} {r.choice(['<', '<=', '==', '!=', '>', '>='])} {b})"
        if op == '**':
            return f"({a} ** {r.randint(0, 5)})"
        if op in ('<<', '>>'):
            return f"(int({a}) {op} {r.randint(0, 70)})"
        if op in ('&', '|', '^'):
            return f"(int({a}) {op} int({b}))"
        return f"({a} {op} {b})"

    def guarded(self, line, ind):
        sp = ' ' * ind
        return [f"{sp}try:", f"{sp}    {line}",
                f"{sp}except (ZeroDivisionError, OverflowError, ValueError) as e:",
                f"{sp}    out(('E', type(e).__name__))"]

    # ------------------------------------------------------------- blocks
    def blk_arith_loop(self):
        f = self.name('arith')
        n = self.r.randint(1500, 4000)
        rng = self.c(f"range({n})", f"range({self.r.randint(-50, 50)}, {n})",
                     f"range({n}, {self.r.randint(-10, 10)}, -{self.r.randint(1, 3)})",
                     f"range(-{n}, {n}, {self.r.randint(2, 7)})")
        start = self.iconst()
        mul = self.c('3', '7', '2', '-3', '1000003', '65537')
        e1 = self.expr(['i', 'acc'], 1)
        L = [f"def {f}():",
             f"    acc = {start}",
             f"    t = 0",
             f"    for i in {rng}:",
             f"        acc = acc * {mul} + i",
             f"        if acc > {self.c('2**64', '2**70', '2**48', '2**100')} or acc < -{self.c('2**64', '2**48', '2**90')}:",
             f"            acc = acc % {self.c('1000000007', '2**61-1', '97', '2**63+5')}",
             f"        t += 1"]
        L += self.guarded(f"x = {e1}", 8)
        L += [f"        else:",
              f"            if i % {self.r.randint(200, 900)} == 0:",
              f"                out(('x', i, x))",
              f"    return acc, t",
              f"out({f}())", f"out({f}())"]
        return L

    def blk_overflow(self):
        f = self.name('ovf')
        n = self.r.randint(100, 3000)
        step = self.c('1', '3', '12345', '2**40', '-2**40', '(1 << 30) + 7')
        init = self.c('2**47-5', '2**63-2000', '-2**63+10', '2**62', '-2**47', '0', '2**46')
        op = self.c('+', '-', '*')
        L = [f"def {f}(k):",
             f"    v = {init}",
             f"    w = 1",
             f"    for i in range({n}):",
             f"        v = v {op} ({step} if i % 2 else k)" if op != '*' else f"        v = (v * {self.c('2', '3', '-1', '5')}) if i < {self.r.randint(10, 80)} else v + i",
             f"        w = (w * 3 + v) % {self.c('2**64', '2**63', '2**31', '10**20')}",
             f"        if i % {self.r.randint(50, 300)} == 0:",
             f"            out((i, v, w, v > 2**63, v // {self.c('7', '-7', '2**33', '3')}, v % {self.c('11', '-11', '2**40')}))",
             f"    return v, w, type(v).__name__",
             f"for kk in ({self.iconst()}, {self.iconst()}, {self.iconst()}):",
             f"    out({f}(kk))"]
        return L

    def blk_float_mix(self):
        f = self.name('flt')
        n = self.r.randint(1000, 3000)
        fc = self.fconst()
        e = self.expr(['i', 'x', 'y'], 1)
        L = [f"def {f}(x):",
             f"    y = {fc}",
             f"    s = 0",
             f"    for i in range({n}):",
             f"        y = y * 0.5 + i / {self.c('3', '7.0', '-2', '1e3')}",
             f"        s = s + (i if i % 3 else y)"]
        L += self.guarded(f"z = {e}", 8)
        L += [f"        else:",
              f"            if i % {self.r.randint(100, 700)} == 0:",
              f"                out((i, repr(z), repr(y)))",
              f"    return repr(s), repr(y), s == s",
              f"out({f}(" + self.c('1', '2.5', '-3', '10**20', 'float("nan")', '2**63') + "))",
              f"out({f}({self.fconst()}))"]
        return L

    def blk_math(self):
        f = self.name('mth')
        n = self.r.randint(1000, 3000)
        vals = ', '.join(self.r.sample(['4', '2.25', '-1', '-0.0', "float('nan')", "float('inf')", "float('-inf')", '2**64', '2**53+1', '10**400', '-3.5', '7', '0'], 5))
        L = [f"def {f}(vals):",
             f"    acc = 0.0",
             f"    for i in range({n}):",
             f"        v = vals[i % len(vals)]",
             f"        try:",
             f"            a = math.sqrt(v)",
             f"            b = math.floor(v if i % 2 else v / 2)",
             f"            acc += a + b",
             f"        except (ValueError, OverflowError) as e:",
             f"            if i < 12: out(('E', i, type(e).__name__, str(e)))",
             f"            continue",
             f"        if i % {self.r.randint(100, 600)} == 0: out((i, repr(a), b, repr(acc)))",
             f"    return repr(acc)",
             f"out({f}([{vals}]))"]
        return L

    def blk_index(self):
        f = self.name('idx')
        n = self.r.randint(1000, 3000)
        seq = self.c('[1, 2, 3, 4, 5]', '(10, 20, 30)', 'list(range(7))', '[[1], [2, 3]]', "'abcdef'", '(1.5, -2.5)')
        L = [f"def {f}(s, off):",
             f"    hits = 0; misses = 0; tot = 0",
             f"    for i in range({n}):",
             f"        j = (i % {self.r.randint(5, 20)}) - off",
             f"        try:",
             f"            x = s[j]",
             f"            hits += 1",
             f"            tot += len(x) if {self.c('True', 'False')} and hasattr(x, '__len__') else (x if isinstance(x, int) else 1)",
             f"        except IndexError:",
             f"            misses += 1",
             f"        if i % {self.r.randint(200, 800)} == 0: out((i, j, hits, misses, tot))",
             f"    return hits, misses, tot",
             f"out({f}({seq}, {self.r.randint(0, 12)}))",
             f"out({f}({self.c('[1, 2, 3, 4, 5]', '(10, 20, 30)', '[]', '(0,)', 'list(range(2**5))')}, {self.r.randint(0, 12)}))"]
        return L

    def blk_classes(self):
        p = self.name('C')
        n = self.r.randint(1000, 3000)
        L = [f"class {p}a:",
             f"    def __init__(self, x):",
             f"        self.x = x",
             f"        self.y = x * 2",
             f"    def m(self, k):",
             f"        return self.x + k",
             f"class {p}b:",
             f"    __slots__ = ('x', 'y', 'z')",
             f"    def __init__(self, x):",
             f"        self.x = x",
             f"        self.y = -x",
             f"    def m(self, k):",
             f"        return self.x * k",
             f"class {p}c({p}a):",
             f"    @property",
             f"    def y(self):",
             f"        return self.x - 1",
             f"    @y.setter",
             f"    def y(self, v):",
             f"        self.x = v + 1",
             f"    def m(self, k):",
             f"        return super().m(k) + 1000",
             f"def {p}run(objs):",
             f"    t = 0",
             f"    for i in range({n}):",
             f"        o = objs[i % len(objs)]",
             f"        try:",
             f"            t += o.x + o.y + o.m(i)",
             f"            o.x = o.x + {self.c('1', '2**62', '-3', '0.5')}",
             f"        except AttributeError as e:",
             f"            t += 1",
             f"            o.x = 1",
             f"        if i == {self.r.randint(100, n - 100)}:",
             f"            {self.c('objs[0].w = 5', f'{p}a.m = lambda self, k: -k', f'del objs[0].y', f'objs.append({p}b(3))', f'{p}b.m = lambda self, k: 7', 'objs[0].x = 2.5')}",
             f"        if i % {self.r.randint(200, 700)} == 0: out((i, repr(t), type(o).__name__))",
             f"    return repr(t)"]
        combos = [f"[{p}a(1), {p}a(2)]", f"[{p}a(1), {p}b(2), {p}c(3)]", f"[{p}b(5)]", f"[{p}c(1), {p}a(4)]"]
        for cmb in self.r.sample(combos, 2):
            L.append(f"out({p}run({cmb}))")
        L.append(f"out({p}run([{p}a(7), {p}b(8), {p}c(9)]))")
        return L

    def blk_attr_shape(self):
        p = self.name('S')
        n = self.r.randint(1000, 3000)
        L = [f"class {p}:",
             f"    pass",
             f"def {p}f(o, i):",
             f"    return o.a + getattr(o, 'b', 100)",
             f"def {p}run():",
             f"    objs = []",
             f"    for k in range(4):",
             f"        o = {p}()",
             f"        o.a = k",
             f"        if k % 2: o.b = k * 10",
             f"        objs.append(o)",
             f"    t = 0",
             f"    for i in range({n}):",
             f"        o = objs[i % 4]",
             f"        t += {p}f(o, i)",
             f"        if i == {self.r.randint(50, n - 50)}:",
             f"            del objs[1].b",
             f"            objs[0].b = {self.c('-1', '2**64', '0.25')}",
             f"            {p}.a = 99",
             f"            del objs[2].a",
             f"        if i % {self.r.randint(150, 600)} == 0: out((i, t))",
             f"    return t",
             f"out({p}run())"]
        return L

    def blk_recursion(self):
        f = self.name('rec')
        L = [f"def {f}(n):",
             f"    if n < 2:",
             f"        return n",
             f"    return {f}(n - 1) + {f}(n - 2)",
             f"def {f}b(n, acc):",
             f"    if n == 0:",
             f"        return acc",
             f"    return {f}b(n - 1, acc * {self.c('3', '5', '-7')} + n)",
             f"for q in range({self.r.randint(10, 20)}):",
             f"    out(({f}(q), {f}b(q * {self.r.randint(3, 20)}, {self.c('1', '2**60', '0.5')})))"]
        return L

    def blk_closure(self):
        f = self.name('clo')
        n = self.r.randint(1000, 3000)
        L = [f"def {f}(start):",
             f"    cnt = start",
             f"    def inc(d):",
             f"        nonlocal cnt",
             f"        cnt = cnt + d",
             f"        return cnt",
             f"    def get():",
             f"        return cnt",
             f"    return inc, get",
             f"inc, get = {f}({self.iconst()})",
             f"for i in range({n}):",
             f"    v = inc({self.c('i', '2**40', '-i * i', '1.5', 'i % 7 - 3')})",
             f"    if i % {self.r.randint(150, 600)} == 0: out((i, v, get()))",
             f"out(get())"]
        return L

    def blk_while(self):
        f = self.name('wh')
        L = [f"def {f}(n):",
             f"    i = {self.c('0', 'n', '-n')}",
             f"    s = 0",
             f"    while {self.c('i < n', 'i < n * 2', 'abs(i) <= n')}:",
             f"        s += i * i {self.c('-', '+', '^')} {self.iconst()}",
             f"        if s > {self.c('2**63', '2**50', '10**30')}:",
             f"            s //= {self.c('3', '-3', '2**20')}",
             f"        i += {self.c('1', '2', '3')}",
             f"        if i % {self.r.randint(100, 500)} == 0: out((i, s))",
             f"    return s, i",
             f"out({f}({self.r.randint(1000, 3000)}))",
             f"out({f}({self.r.randint(1, 100)}))"]
        return L

    def blk_nested(self):
        f = self.name('nest')
        a, b = self.r.randint(20, 80), self.r.randint(20, 80)
        L = [f"def {f}():",
             f"    m = []",
             f"    for i in range({a}, {self.c('0', '-5', '-1')}, {self.c('-1', '-2', '-3')}):",
             f"        row = 0",
             f"        for j in range({self.c('i', str(b), '-i, i')}):",
             f"            row += (i * j) {self.c('%', '//', '-', '**')} {self.c('7', '-3', '2', '3')}",
             f"        m.append(row)",
             f"    return m[:5], m[-3:], sum(m), len(m)",
             f"out({f}())", f"out({f}())"]
        return L

    def blk_exc(self):
        f = self.name('exc')
        n = self.r.randint(1000, 4000)
        at = self.r.randint(1, n - 1)
        L = [f"class {f}E(Exception):",
             f"    pass",
             f"def {f}(lim):",
             f"    s = 0",
             f"    for i in range({n}):",
             f"        s += i",
             f"        if i == lim:",
             f"            {self.c(f'raise {f}E(s)', 'raise ValueError(i)', 's = s // 0', '[][i]', 'undefined_name_xyz')}",
             f"    return s",
             f"for lim in ({at}, -1, {self.r.randint(0, n)}):",
             f"    try:",
             f"        out({f}(lim))",
             f"    except Exception as e:",
             f"        out(('caught', type(e).__name__, str(e)[:40]))"]
        return L

    def blk_rebind(self):
        f = self.name('reb')
        n = self.r.randint(150, 400)
        which = self.r.choice(['len', 'abs', 'range', 'min'])
        repl = {'len': 'lambda s: 42', 'abs': 'lambda x: -7', 'range': 'lambda *a: [5, 6]', 'min': 'lambda *a: 1000'}[which]
        via = self.r.choice(['global', 'builtins'])
        body = {'len': 'len(xs)', 'abs': 'abs(k - 50)', 'range': 'sum(range(3))', 'min': 'min(k, 3)'}[which]
        L = [f"def {f}(xs, k):",
             f"    return {body}",
             f"def {f}loop(xs):",
             f"    t = 0",
             f"    for k in range({n} * 10):",
             f"        t += {f}(xs, k)",
             f"    return t",
             f"t0 = 0",
             f"for k in range({n}):",
             f"    t0 += {f}([1, 2, 3], k)",
             f"out(('pre', t0, {f}loop([1])))"]
        if via == 'global':
            L += [f"{which} = {repl}", f"out(('post', {f}([1, 2], 9), {f}loop([1])))", f"del {which}",
                  f"out(('restored', {f}([1, 2], 9)))"]
        else:
            L += [f"_saved_{f} = builtins.{which}", f"builtins.{which} = {repl}",
                  f"out(('post', {f}([1, 2], 9), {f}loop([1])))",
                  f"builtins.{which} = _saved_{f}", f"out(('restored', {f}([1, 2], 9)))"]
        return L

    def blk_del(self):
        p = self.name('D')
        n = self.r.randint(200, 1200)
        L = [f"class {p}:",
             f"    def __init__(self, k, ref):",
             f"        self.k = k",
             f"        self.ref = ref",
             f"    def __del__(self):",
             f"        if self.k % {self.r.randint(50, 300)} == 0: print('del', self.k)",
             f"def {p}run():",
             f"    prev = None",
             f"    for i in range({n}):",
             f"        d = {p}(i, None)",
             f"        d2 = {p}(i + 100000, d)",
             f"        prev = d2",
             f"        del d, d2",
             f"    out(('last', prev.k, prev.ref.k))",
             f"    prev = None",
             f"{p}run()",
             f"out('after del')"]
        return L

    def blk_chain(self):
        f = self.name('chn')
        n = self.r.randint(1000, 3000)
        lo, hi = self.iconst(), self.iconst()
        L = [f"def {f}(lo, hi):",
             f"    c = 0",
             f"    for i in range(-{n}, {n}, {self.r.randint(1, 9)}):",
             f"        x = i * {self.c('1', '1000003', '2**40', '0.5', '-1')}",
             f"        if lo <= x < hi: c += 1",
             f"        if x == x < hi > lo != x: c += 2",
             f"        if {self.c('not (lo < x <= hi)', 'lo < hi < x', '-1 < x % 3 < 2')}: c -= 1",
             f"    return c",
             f"out({f}({lo}, {hi}))",
             f"out({f}({self.fconst()}, {self.fconst()}))"]
        return L

    def blk_ctor(self):
        p = self.name('N')
        n = self.r.randint(1000, 3000)
        L = [f"class {p}:",
             f"    def __init__(self, val, nxt):",
             f"        self.val = val",
             f"        self.nxt = nxt",
             f"def {p}build(n):",
             f"    head = None",
             f"    for i in range(n):",
             f"        head = {p}(i * {self.c('3', '2**45', '-1', '1.5')}, head)",
             f"    return head",
             f"def {p}sum(h):",
             f"    s = 0; c = 0",
             f"    while h is not None:",
             f"        s += h.val; c += 1",
             f"        h = h.nxt",
             f"    return s, c",
             f"h = {p}build({n})",
             f"out({p}sum(h))",
             f"out({p}sum({p}build({self.r.randint(0, 5)})))"]
        return L

    def blk_mixed(self):
        f = self.name('mix')
        pool = ['0', '1', '-1', '7', '-7', '2**47', '-2**47', '2**47-1', '2**53+1', '2**63', '-2**63', '2**64+3', '10**20', '0.0', '-0.0', '1.5', '-2.5', "float('nan')", "float('inf')", "float('-inf')", 'True', 'False', '1e16', '1e300', '3**50']
        vals = ', '.join(self.r.sample(pool, self.r.randint(4, 9)))
        ops = self.r.sample(['a + b', 'a - b', 'a * b', 'a / b', 'a // b', 'a % b', 'a < b', 'a <= b', 'a == b', 'a > b', 'a >= b', 'a != b', 'max(a, b)', 'min(a, b)', 'abs(a) - b', '-a * b', 'divmod(a, b)', 'a < b < a', 'a ** 2 - b', 'int(a) if a == a and abs(a) != float("inf") else 0', 'round(a) if a == a and abs(a) != float("inf") else 0', 'a == a', 'math.floor(a) + 0 * b', 'math.sqrt(abs(a))', 'float(a) + b', 'hash(a) == hash(b)'], 5)
        L = [f"def {f}(a, b):",
             f"    r = []"]
        for op in ops:
            L += [f"    try:", f"        r.append(repr({op}))",
                  f"    except (ZeroDivisionError, OverflowError, ValueError, TypeError) as e:",
                  f"        r.append(type(e).__name__)"]
        L += [f"    return r",
              f"V{f} = [{vals}]",
              f"for k in range({self.r.randint(2, 4)}):",
              f"    for i, a in enumerate(V{f}):",
              f"        for b in V{f}:",
              f"            for j in range({self.r.randint(10, 40)}):",
              f"                res = {f}(a, b)",
              f"            if k == 0: out((i, res))"]
        return L

    def program(self):
        blocks = [self.blk_arith_loop, self.blk_overflow, self.blk_float_mix, self.blk_math, self.blk_index,
                  self.blk_classes, self.blk_attr_shape, self.blk_recursion, self.blk_closure, self.blk_while,
                  self.blk_nested, self.blk_exc, self.blk_rebind, self.blk_del, self.blk_chain, self.blk_ctor, self.blk_mixed, self.blk_mixed]
        L = ["import math, builtins", "def out(x):", "    print(repr(x))", ""]
        k = self.r.randint(2, 4)
        for b in self.r.sample(blocks, k):
            L += b()
            L.append("")
        L.append("print('done')")
        return "\n".join(L) + "\n"


if __name__ == '__main__':
    seed = int(sys.argv[1])
    sys.stdout.write(G(seed).program())
