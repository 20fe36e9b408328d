"""BaseExceptionGroup.split and .subgroup (lethe): the recursive part of the
exception-group methods, imported on first use."""


def _matcher(condition):
    if isinstance(condition, type) and issubclass(condition, BaseException):
        return lambda e: isinstance(e, condition)
    if isinstance(condition, tuple) and all(
            isinstance(c, type) and issubclass(c, BaseException) for c in condition):
        return lambda e: isinstance(e, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected a function, exception type or tuple of exception types")


def _derive(eg, excs):
    new = eg.derive(excs)
    new.__traceback__ = eg.__traceback__
    new.__cause__ = eg.__cause__
    new.__context__ = eg.__context__
    if hasattr(eg, '__notes__'):
        new.__notes__ = eg.__notes__
    return new


def _split(eg, match):
    if match(eg):
        return eg, None
    matched = []
    rest = []
    for e in eg.exceptions:
        if isinstance(e, BaseExceptionGroup):
            m, r = _split(e, match)
            if m is not None:
                matched.append(m)
            if r is not None:
                rest.append(r)
        elif match(e):
            matched.append(e)
        else:
            rest.append(e)
    return (_derive(eg, matched) if matched else None,
            _derive(eg, rest) if rest else None)


def split(eg, condition):
    return _split(eg, _matcher(condition))


def subgroup(eg, condition):
    return _split(eg, _matcher(condition))[0]


# ---- except* (the compiler calls star_begin, then match/raised per clause, then finish)

def _check_star_type(t):
    types = t if isinstance(t, tuple) else (t,)
    for c in types:
        if not (isinstance(c, type) and issubclass(c, BaseException)):
            raise TypeError('catching classes that do not inherit from BaseException '
                            'is not allowed')
        if issubclass(c, BaseExceptionGroup):
            raise TypeError('catching ExceptionGroup with except* is not allowed. '
                            'Use except instead.')


def _same_metadata(e1, e2):
    return (getattr(e1, '__notes__', None) is getattr(e2, '__notes__', None)
            and e1.__cause__ is e2.__cause__ and e1.__context__ is e2.__context__)


def _leaf_ids(e, out):
    if isinstance(e, BaseExceptionGroup):
        for x in e.exceptions:
            _leaf_ids(x, out)
    else:
        out.add(id(e))


def _projection(orig, keep):
    if not keep:
        return None
    ids = set()
    for e in keep:
        _leaf_ids(e, ids)
    return _split(orig, lambda leaf: not isinstance(leaf, BaseExceptionGroup)
                  and id(leaf) in ids)[0]


class _Star:
    __slots__ = ('orig', 'rest', 'matched', 'raised_list', 'result')

    def __init__(self, exc):
        self.orig = exc
        self.rest = exc
        self.matched = None
        self.raised_list = []
        self.result = None

    def match(self, t):
        """CPython's CHECK_EG_MATCH: split what is left by the clause's type."""
        _check_star_type(t)
        exc = self.rest
        m = None
        if exc is None:
            pass
        elif isinstance(exc, t):
            if isinstance(exc, BaseExceptionGroup):
                m = exc
            else:
                m = BaseExceptionGroup('', (exc,))
                m.__traceback__ = exc.__traceback__
            self.rest = None
        elif isinstance(exc, BaseExceptionGroup):
            m, self.rest = exc.split(t)
        self.matched = m
        return m is not None

    def raised(self, e):
        self.raised_list.append(e)

    def finish(self):
        """CPython's PREP_RERAISE_STAR: what to raise (in .result), if anything."""
        excs = self.raised_list + [self.rest]
        orig = self.orig
        if not isinstance(orig, BaseExceptionGroup):
            self.result = excs[0]
        else:
            raised = []
            reraised = []
            for e in excs:
                if e is None:
                    continue
                (reraised if _same_metadata(e, orig) else raised).append(e)
            reraised_eg = _projection(orig, reraised)
            if not raised:
                self.result = reraised_eg
            elif len(raised) == 1 and reraised_eg is None:
                self.result = raised[0]
            else:
                if reraised_eg is not None:
                    raised.append(reraised_eg)
                self.result = BaseExceptionGroup('', raised)
        self.matched = None
        return self.result is not None


def star_begin(exc):
    return _Star(exc)
