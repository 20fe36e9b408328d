"""Functions creating iterators for efficient looping (lethe's itertools)."""

import sys as _sys

_DONE = object()


def _index(v, msg):
    if v is None:
        return None
    if type(v) is bool or type(v) is int:
        if 0 <= v <= _sys.maxsize:
            return int(v)
    raise ValueError(msg)


class count:
    __lethe_tp_name__ = 'itertools.count'
    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float)):
                raise TypeError("a number is required")
        self._cur = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        v = self._cur
        self._cur = v + self._step
        return v

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return "count(%r)" % (self._cur,)
        return "count(%r, %r)" % (self._cur, self._step)


class repeat:
    __lethe_tp_name__ = 'itertools.repeat'
    def __init__(self, object=_DONE, times=None):
        if object is _DONE:
            raise TypeError("repeat() missing required argument 'object' (pos 1)")
        self._obj = object
        if times is not None:
            if not isinstance(times, int):
                raise TypeError("integer argument expected, got %s" % type(times).__name__)
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return "repeat(%r)" % (self._obj,)
        return "repeat(%r, %d)" % (self._obj, self._times)


def cycle(iterable):
    return _cycle(iter(iterable))


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


def chain(*iterables):
    return _chain(iterables)


def _chain(iterables):
    for it in iterables:
        for element in it:
            yield element


def _from_iterable(iterable):
    return _chain_from(iter(iterable))


def _chain_from(its):
    for it in its:
        for element in it:
            yield element


chain.from_iterable = _from_iterable


def islice(iterable, *args):
    n = len(args)
    if n == 0:
        raise TypeError("islice expected at least 2 arguments, got 1")
    if n > 3:
        raise TypeError("islice expected at most 4 arguments, got %d" % (n + 1))
    if n == 1:
        start, stop, step = None, args[0], None
    else:
        start, stop = args[0], args[1]
        step = args[2] if n == 3 else None
    it = iter(iterable)
    stop = _index(stop, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    start = _index(start, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    step = _index(step, "Step for islice() must be a positive integer or None.")
    if start is None:
        start = 0
    if step is None:
        step = 1
    if step == 0:
        raise ValueError("Step for islice() must be a positive integer or None.")
    return _islice(it, start, stop, step)


def _islice(it, start, stop, step):
    cnt = 0
    nxt = start
    while True:
        while cnt < nxt:
            if next(it, _DONE) is _DONE:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        item = next(it, _DONE)
        if item is _DONE:
            return
        cnt += 1
        yield item
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop


def product(*iterables, repeat=1):
    if not isinstance(repeat, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(repeat).__name__)
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    n = len(pools)
    for p in pools:
        if not p:
            return
    idx = [0] * n
    while True:
        yield tuple([pools[i][idx[i]] for i in range(n)])
        i = n - 1
        while i >= 0:
            idx[i] += 1
            if idx[i] < len(pools[i]):
                break
            idx[i] = 0
            i -= 1
        if i < 0:
            return


def _r_arg(r, n):
    if r is None:
        return n
    if not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")
    return r


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = _r_arg(r, n)
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple([pool[i] for i in indices[:r]])
    while n:
        i = r - 1
        while i >= 0:
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple([pool[i] for i in indices[:r]])
                break
            i -= 1
        if i < 0:
            return
    return


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(r).__name__)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations(pool, n, r)


def _combinations(pool, n, r):
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        i = r - 1
        while i >= 0:
            if indices[i] != i + n - r:
                break
            i -= 1
        if i < 0:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[i] for i in indices])


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(r).__name__)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _cwr(pool, n, r)


def _cwr(pool, n, r):
    if not n and r:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        i = r - 1
        while i >= 0:
            if indices[i] != n - 1:
                break
            i -= 1
        if i < 0:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple([pool[i] for i in indices])


def _add(a, b):
    return a + b


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    return _accumulate(it, _add if func is None else func, initial)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        total = next(it, _DONE)
        if total is _DONE:
            return
    yield total
    for element in it:
        total = func(total, element)
        yield total


def _identity(x):
    return x


class groupby:
    __lethe_tp_name__ = 'itertools.groupby'
    def __init__(self, iterable, key=None):
        self._keyfunc = _identity if key is None else key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _DONE
        self._id = object()

    def __iter__(self):
        return self

    def __next__(self):
        self._id = object()
        while self._currkey is _DONE or self._currkey == self._tgtkey:
            v = next(self._it)
            self._currvalue = v
            self._currkey = self._keyfunc(v)
            if self._tgtkey is _DONE:
                break
        self._tgtkey = self._currkey
        return (self._currkey, self._grouper(self._tgtkey, self._id))

    def _grouper(self, tgtkey, id):
        while self._id is id and self._currkey == tgtkey:
            yield self._currvalue
            v = next(self._it, _DONE)
            if v is _DONE:
                return
            self._currvalue = v
            self._currkey = self._keyfunc(v)


def zip_longest(*args, fillvalue=None):
    iterators = []
    for i, a in enumerate(args):
        try:
            iterators.append(iter(a))
        except TypeError:
            raise TypeError("zip_longest argument #%d must support iteration" % (i + 1)) from None
    return _zip_longest(iterators, fillvalue)


def _zip_longest(iterators, fillvalue):
    num_active = len(iterators)
    if not num_active:
        return
    while True:
        values = []
        for i in range(len(iterators)):
            it = iterators[i]
            if it is None:
                values.append(fillvalue)
                continue
            value = next(it, _DONE)
            if value is _DONE:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = None
                value = fillvalue
            values.append(value)
        yield tuple(values)


def starmap(function, iterable):
    return _starmap(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*tuple(args))


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            return


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def filterfalse(predicate, iterable):
    return _filterfalse(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        predicate = bool
    for x in it:
        if not predicate(x):
            yield x


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def pairwise(iterable):
    return _pairwise(iter(iterable))


def _pairwise(it):
    a = next(it, _DONE)
    if a is _DONE:
        return
    for b in it:
        yield (a, b)
        a = b


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    queues = [[] for _ in range(n)]
    return tuple([_tee(it, q, queues) for q in queues])


def _tee(it, mine, queues):
    while True:
        if not mine:
            v = next(it, _DONE)
            if v is _DONE:
                return
            for q in queues:
                q.append(v)
        yield mine.pop(0)
