"""contextvars (lethe): context variables as CPython 3.11's (PEP 567).

A Context maps ContextVars to values; setting a variable in the current context
makes a new mapping, so copies taken earlier (copy_context) keep their values.
lethe runs one thread and has no asyncio, so the current context changes only
through Context.run."""

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

_NO_DEFAULT = object()


class Context:
    """An immutable mapping of context variables to values, with run()."""

    __module__ = '_contextvars'

    def __init__(self):
        self._data = {}
        self._prev = None
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        global _current
        if self._entered:
            raise RuntimeError('cannot enter context: %r is already entered' % (self,))
        self._prev = _current
        self._entered = True
        _current = self
        try:
            return callable(*args, **kwargs)
        finally:
            _current = self._prev
            self._prev = None
            self._entered = False

    def copy(self):
        new = Context()
        new._data = self._data
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError("a ContextVar key was expected, got %r" % (var,))
        return self._data[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError("a ContextVar key was expected, got %r" % (var,))
        return self._data.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError("a ContextVar key was expected, got %r" % (var,))
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


_current = Context()


def copy_context():
    """Return a copy of the current Context."""
    return _current.copy()


class ContextVar:
    """A context variable."""

    __module__ = '_contextvars'

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError('context variable name must be a str')
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_contextvars.ContextVar' is not an acceptable base type")

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError('get expected at most 1 argument, got %d' % len(args))
        try:
            return _current._data[self]
        except KeyError:
            pass
        if args:
            return args[0]
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current
        data = dict(ctx._data)
        old = ctx._data.get(self, Token.MISSING)
        data[self] = value
        ctx._data = data
        return Token(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError('expected an instance of Token, got %r' % (token,))
        if token._used:
            raise RuntimeError('%r has already been used once' % (token,))
        if token._var is not self:
            raise ValueError('%r was created by a different ContextVar' % (token,))
        ctx = _current
        if token._ctx is not ctx:
            raise ValueError('%r was created in a different Context' % (token,))
        data = dict(ctx._data)
        if token._old_value is Token.MISSING:
            data.pop(self, None)
        else:
            data[self] = token._old_value
        ctx._data = data
        token._used = True

    def __repr__(self):
        r = '<ContextVar name=%r' % (self._name,)
        if self._default is not _NO_DEFAULT:
            r += ' default=%r' % (self._default,)
        return r + ' at 0x%x>' % id(self)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class _Missing:
    def __repr__(self):
        return '<Token.MISSING>'


class Token:
    """What ContextVar.set() returns, for ContextVar.reset()."""

    __module__ = '_contextvars'
    MISSING = _Missing()

    def __init__(self, ctx, var, old_value):
        self._ctx = ctx
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        return '<Token%s var=%r at 0x%x>' % (' used' if self._used else '',
                                             self._var, id(self))

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)
