"""Shallow and deep copy operations (copy.copy, copy.deepcopy).

As CPython's copy module: atomic values are returned as they are, containers are
rebuilt, `__copy__`/`__deepcopy__` are honoured, and instances are copied by making
a new object of the same class and copying its `__dict__` (and slots)."""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

def _is_atomic(x):
    t = type(x)
    return (x is None or t in (int, float, bool, str, bytes, range) or isinstance(x, type)
            or t.__name__ in ('function', 'builtin_function_or_method', 'ellipsis',
                              'NotImplementedType', 'code', 'property', 'module'))


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for s in slots:
            if s not in ('__dict__', '__weakref__') and s not in names:
                names.append(s)
    return names


def _new_like(x, items=()):
    cls = type(x)
    if isinstance(x, tuple):
        return cls.__new__(cls, *items)
    return cls.__new__(cls)


def _reducer(x):
    """A __reduce__ defined by the class (not object's), or None."""
    for c in type(x).__mro__:
        if c is object:
            return None
        if '__reduce__' in c.__dict__:
            return c.__dict__['__reduce__']
    return None


def _reconstruct(x, rv, copier, memo=None):
    func, args = rv[0], rv[1]
    y = func(*[copier(a) for a in args])
    if memo is not None:
        memo[id(x)] = y
    state = rv[2] if len(rv) > 2 else None
    if state:
        if hasattr(y, '__setstate__'):
            y.__setstate__(copier(state))
        else:
            y.__dict__.update(copier(state))
    listiter = rv[3] if len(rv) > 3 else None
    if listiter is not None:
        for item in listiter:
            y.append(copier(item))
    dictiter = rv[4] if len(rv) > 4 else None
    if dictiter is not None:
        for key, value in dictiter:
            y[copier(key)] = copier(value)
    return y


def _library_copy(x):
    """collections' classes copy themselves (CPython reduces them the same way)."""
    cls = type(x)
    for c in cls.__mro__:
        if c.__module__ == 'collections' and 'copy' in c.__dict__:
            return True
    return False


_object_getstate = object.__getstate__


def _user_state(x, y, copier):
    """A class's own __getstate__/__setstate__ carry the state, as through
    CPython's __reduce_ex__ and _reconstruct; False when neither is defined."""
    cls = type(x)
    if (getattr(cls, '__getstate__', _object_getstate) is _object_getstate
            and not hasattr(cls, '__setstate__')):
        return False
    state = x.__getstate__()
    if state is None:
        return True
    if copier is not None:
        state = copier(state)
    if hasattr(y, '__setstate__'):
        y.__setstate__(state)
        return True
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    else:
        slotstate = None
    if state is not None:
        y.__dict__.update(state)
    if slotstate is not None:
        for key, value in slotstate.items():
            setattr(y, key, value)
    return True


def _copy_state(x, y, copier, deep=False):
    if _user_state(x, y, copier if deep else None):
        return
    d = getattr(x, '__dict__', None)
    if d:
        state = copier(d)
        y.__dict__.update(state)
    for name in _slot_names(type(x)):
        if hasattr(x, name):
            setattr(y, name, copier(getattr(x, name)))


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if _is_atomic(x) or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is bytearray:
        return bytearray(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if _library_copy(x):
        return x.copy()
    reducer = _reducer(x)
    if reducer is not None:
        return _reconstruct(x, reducer(x), lambda v: v)
    if isinstance(x, tuple):
        y = _new_like(x, tuple(x))
        _copy_state(x, y, lambda v: dict(v) if type(v) is dict else v)
        return y
    if isinstance(x, BaseException):
        y = cls.__new__(cls, *x.args)
        y.args = x.args
        _copy_state(x, y, lambda v: v)
        return y
    y = _new_like(x)
    if isinstance(x, list):
        y.extend(x)
    elif isinstance(x, dict):
        dict.update(y, x)
    elif isinstance(x, set):
        y.update(x)
    _copy_state(x, y, lambda v: dict(v) if type(v) is dict else v)
    return y


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # A tuple of atoms is its own copy (and a cycle may have copied it already).
        if id(x) in memo:
            return memo[id(x)]
        same = all(a is b for a, b in zip(items, x))
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        elif _reducer(x) is not None:
            y = _reconstruct(x, _reducer(x)(x), lambda v: deepcopy(v, memo), memo)
        elif isinstance(x, tuple):
            y = _new_like(x, [deepcopy(a, memo) for a in x])
            memo[d] = y
            _copy_state(x, y, lambda v: deepcopy(v, memo), True)
        elif isinstance(x, BaseException):
            y = cls.__new__(cls, *x.args)
            memo[d] = y
            y.args = deepcopy(x.args, memo)
            _copy_state(x, y, lambda v: deepcopy(v, memo), True)
        else:
            y = _new_like(x)
            memo[d] = y
            if isinstance(x, list):
                for a in x:
                    y.append(deepcopy(a, memo))
            elif isinstance(x, dict):
                for k, v in x.items():
                    dict.__setitem__(y, deepcopy(k, memo), deepcopy(v, memo))
            elif isinstance(x, set):
                for a in x:
                    y.add(deepcopy(a, memo))
            _copy_state(x, y, lambda v: deepcopy(v, memo), True)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    """Keep x alive while memo is, so its id is not reused during the copy."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
