"""Higher-order functions and operations on callable objects (lethe's functools)."""

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)

_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        try:
            src = getattr(wrapped, attr)
        except AttributeError:
            continue
        for k in src:
            setattr(wrapper, k, src[k])
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorator


class partial:
    """New function with partial application of the given arguments and keywords."""
    __lethe_tp_name__ = 'functools.partial'

    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if type(func) is partial:
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(x) for x in self.args)
        parts.extend(f"{k}={v!r}" for (k, v) in self.keywords.items())
        return "functools.partial(" + ", ".join(parts) + ")"


class partialmethod:
    """Method descriptor with partial application of the given arguments and keywords."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("{!r} is not callable or a descriptor".format(func))
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        args = ", ".join(map(repr, self.args))
        keywords = ", ".join("{}={!r}".format(k, v) for k, v in self.keywords.items())
        return "functools.partialmethod({})".format(
            ", ".join(x for x in (repr(self.func), args, keywords) if x))

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, "__get__", None)
        result = None
        if get is not None and not isinstance(self.func, partial):
            new_func = get(obj, cls)
            if new_func is not self.func:
                result = partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    pass
        if result is None:
            result = self._make_unbound_method().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


def cmp_to_key(mycmp):
    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


class _CacheInfo:
    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def __iter__(self):
        return iter((self.hits, self.misses, self.maxsize, self.currsize))

    def __getitem__(self, i):
        return (self.hits, self.misses, self.maxsize, self.currsize)[i]

    def __len__(self):
        return 4

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __hash__(self):
        return hash(tuple(self))

    def __repr__(self):
        return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % (
            self.hits, self.misses, self.maxsize, self.currsize)


class _HashedSeq:
    def __init__(self, tup):
        self.tup = tup
        self.hashvalue = hash(tup)

    def __hash__(self):
        return self.hashvalue

    def __eq__(self, other):
        return self.tup == other.tup


_kwd_mark = object()


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key = key + (_kwd_mark,)
        for item in kwds.items():
            key = key + item
    if typed:
        key = key + tuple([type(v) for v in args])
        if kwds:
            key = key + tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return _HashedSeq(key)


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int) and type(maxsize) is not bool:
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return _lru_wrapper(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize, typed)
    return decorating_function


def cache(user_function):
    return _lru_wrapper(user_function, None, False)


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]  # hits, misses

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)
    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            if key in cache:
                stats[0] += 1
                return cache[key]
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result
    else:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            if key in cache:
                # Move to the most recently used end.
                result = cache.pop(key)
                cache[key] = result
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key in cache:
                pass
            elif len(cache) >= maxsize:
                del cache[next(iter(cache))]
                cache[key] = result
            else:
                cache[key] = result
            return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    update_wrapper(wrapper, user_function)
    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
    return wrapper


def total_ordering(cls):
    # Find user-defined comparisons (not those inherited from object).
    roots = [op for op in ('__lt__', '__le__', '__gt__', '__ge__')
             if getattr(cls, op, None) is not getattr(object, op, None)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = roots[0]
    if root == '__lt__':
        def __gt__(self, other):
            r = self.__lt__(other)
            if r is NotImplemented:
                return r
            return not r and self != other

        def __le__(self, other):
            r = self.__lt__(other)
            if r is NotImplemented:
                return r
            return r or self == other

        def __ge__(self, other):
            r = self.__lt__(other)
            if r is NotImplemented:
                return r
            return not r
        new = {'__gt__': __gt__, '__le__': __le__, '__ge__': __ge__}
    elif root == '__le__':
        def __ge__(self, other):
            r = self.__le__(other)
            if r is NotImplemented:
                return r
            return not r or self == other

        def __lt__(self, other):
            r = self.__le__(other)
            if r is NotImplemented:
                return r
            return r and self != other

        def __gt__(self, other):
            r = self.__le__(other)
            if r is NotImplemented:
                return r
            return not r
        new = {'__ge__': __ge__, '__lt__': __lt__, '__gt__': __gt__}
    elif root == '__gt__':
        def __lt__(self, other):
            r = self.__gt__(other)
            if r is NotImplemented:
                return r
            return not r and self != other

        def __ge__(self, other):
            r = self.__gt__(other)
            if r is NotImplemented:
                return r
            return r or self == other

        def __le__(self, other):
            r = self.__gt__(other)
            if r is NotImplemented:
                return r
            return not r
        new = {'__lt__': __lt__, '__ge__': __ge__, '__le__': __le__}
    else:
        def __le__(self, other):
            r = self.__ge__(other)
            if r is NotImplemented:
                return r
            return not r or self == other

        def __gt__(self, other):
            r = self.__ge__(other)
            if r is NotImplemented:
                return r
            return r and self != other

        def __lt__(self, other):
            r = self.__ge__(other)
            if r is NotImplemented:
                return r
            return not r
        new = {'__le__': __le__, '__gt__': __gt__, '__lt__': __lt__}
    for name in new:
        if name not in roots:
            setattr(cls, name, new[name])
    return cls


_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance and then stored in its __dict__."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError('Cannot assign the same cached_property to two different '
                            'names (%r and %r).' % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError('Cannot use cached_property instance without calling '
                            '__set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = ("No '__dict__' attribute on %r instance to cache %r property."
                   % (type(instance).__name__, self.attrname))
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val


def singledispatch(func):
    """Single-dispatch generic function decorator: the implementation is chosen by
    the type of the first argument (along its MRO)."""
    registry = {object: func}

    def dispatch(cls):
        for c in cls.__mro__:
            if c in registry:
                return registry[c]
        return func

    def register(cls, func=None):
        if func is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            f = cls
            ann = getattr(f, '__annotations__', {})
            if not ann:
                raise TypeError('Invalid first argument to `register()`: %r. Use either '
                                '`@register(some_class)` or plain `@register` on an '
                                'annotated function.' % (f,))
            argname, cls = next(iter(ann.items()))
            if not isinstance(cls, type):
                raise TypeError('Invalid annotation for %r. %r is not a class.'
                                % (argname, cls))
            registry[cls] = f
            return f
        registry[cls] = func
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError('%s requires at least 1 positional argument'
                            % getattr(func, '__name__', 'singledispatch function'))
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor (dispatch on the first argument
    after self)."""

    def __init__(self, func):
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatcher = self.dispatcher
        func = self.func

        def _method(*args, **kwargs):
            method = dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)
        _method.register = self.register
        update_wrapper(_method, func)
        return _method
