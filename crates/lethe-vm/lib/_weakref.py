"""Weak-reference support module (lethe).

CPython's _weakref is written in C. Here the reference types are library classes
whose weakness lives in the runtime (crates/lethe-vm/src/weak.rs): a referent's weak
references are cleared when it is freed, and their callbacks run then.
"""

import _lethe
from types import GenericAlias as _GenericAlias

_new = _lethe.weakref_new
_get = _lethe.weakref_get


class ReferenceType:
    __slots__ = ('__lethe_hash__',)
    __lethe_tp_name__ = 'weakref.ReferenceType'

    # ReferenceType(obj[, callback]) and __init__ (which has nothing left to do)
    # are built-ins: making a weak reference runs no Python code.
    __new__ = staticmethod(_lethe.weakref_make)
    __init__ = _lethe.weakref_init

    __call__ = _get

    @property
    def __callback__(self):
        return _lethe.weakref_callback(self)

    def __hash__(self):
        try:
            return self.__lethe_hash__
        except AttributeError:
            pass
        o = _get(self)
        if o is None:
            raise TypeError("weak object has gone away")
        h = hash(o)
        self.__lethe_hash__ = h
        return h

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a = _get(self)
        b = _get(other)
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a = _get(self)
        b = _get(other)
        if a is None or b is None:
            return self is not other
        return a != b

    def __repr__(self):
        o = _get(self)
        if o is None:
            return '<weakref at %#x; dead>' % id(self)
        name = getattr(o, '__name__', None)
        if isinstance(name, str):
            return "<weakref at %#x; to '%s' at %#x (%s)>" % (
                id(self), _tp_name(o), id(o), name)
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), _tp_name(o), id(o))

    # The copy module treats weak references as atoms.
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    __class_getitem__ = classmethod(_GenericAlias)


_lethe.weakref_set_type(ReferenceType)
ReferenceType.__module__ = 'weakref'
ReferenceType.__qualname__ = 'ReferenceType'
ref = ReferenceType


def _tp_name(o):
    t = type(o)
    return t.__dict__.get('__lethe_tp_name__') or t.__name__


def _deref(p):
    o = _get(p)
    if o is None:
        raise ReferenceError('weakly-referenced object no longer exists')
    return o


def _unwrap(x):
    if isinstance(x, _ProxyBase):
        return _deref(x)
    return x


class _ProxyBase:
    __slots__ = ()

    def __getattribute__(self, name):
        return getattr(_deref(self), name)

    def __setattr__(self, name, value):
        setattr(_deref(self), name, value)

    def __delattr__(self, name):
        delattr(_deref(self), name)

    def __repr__(self):
        o = _deref(self)
        return "<weakproxy at %#x; to '%s' at %#x>" % (id(self), _tp_name(o), id(o))

    def __str__(self):
        return str(_deref(self))

    def __bytes__(self):
        return bytes(_deref(self))

    def __bool__(self):
        return bool(_deref(self))

    def __len__(self):
        return len(_deref(self))

    def __iter__(self):
        return iter(_deref(self))

    def __next__(self):
        o = _deref(self)
        if not hasattr(type(o), '__next__'):
            raise TypeError("Weakref proxy referenced a non-iterator '%s' object"
                            % type(o).__name__)
        return next(o)

    def __reversed__(self):
        return reversed(_deref(self))

    def __contains__(self, item):
        return item in _deref(self)

    def __getitem__(self, key):
        return _deref(self)[key]

    def __setitem__(self, key, value):
        _deref(self)[key] = value

    def __delitem__(self, key):
        del _deref(self)[key]

    def __index__(self):
        import operator
        return operator.index(_deref(self))

    def __int__(self):
        return int(_deref(self))

    def __float__(self):
        return float(_deref(self))

    def __neg__(self):
        return -_deref(self)

    def __pos__(self):
        return +_deref(self)

    def __abs__(self):
        return abs(_deref(self))

    def __invert__(self):
        return ~_deref(self)

    def __eq__(self, other):
        return _deref(self) == _unwrap(other)

    def __ne__(self, other):
        return _deref(self) != _unwrap(other)

    def __lt__(self, other):
        return _deref(self) < _unwrap(other)

    def __le__(self, other):
        return _deref(self) <= _unwrap(other)

    def __gt__(self, other):
        return _deref(self) > _unwrap(other)

    def __ge__(self, other):
        return _deref(self) >= _unwrap(other)

    __hash__ = None

    def __add__(self, o): return _unwrap(self) + _unwrap(o)
    def __radd__(self, o): return _unwrap(o) + _unwrap(self)
    def __sub__(self, o): return _unwrap(self) - _unwrap(o)
    def __rsub__(self, o): return _unwrap(o) - _unwrap(self)
    def __mul__(self, o): return _unwrap(self) * _unwrap(o)
    def __rmul__(self, o): return _unwrap(o) * _unwrap(self)
    def __matmul__(self, o): return _unwrap(self) @ _unwrap(o)
    def __rmatmul__(self, o): return _unwrap(o) @ _unwrap(self)
    def __truediv__(self, o): return _unwrap(self) / _unwrap(o)
    def __rtruediv__(self, o): return _unwrap(o) / _unwrap(self)
    def __floordiv__(self, o): return _unwrap(self) // _unwrap(o)
    def __rfloordiv__(self, o): return _unwrap(o) // _unwrap(self)
    def __mod__(self, o): return _unwrap(self) % _unwrap(o)
    def __rmod__(self, o): return _unwrap(o) % _unwrap(self)
    def __divmod__(self, o): return divmod(_unwrap(self), _unwrap(o))
    def __rdivmod__(self, o): return divmod(_unwrap(o), _unwrap(self))
    def __pow__(self, o, m=None):
        if m is None:
            return _unwrap(self) ** _unwrap(o)
        return pow(_unwrap(self), _unwrap(o), _unwrap(m))
    def __rpow__(self, o): return _unwrap(o) ** _unwrap(self)
    def __lshift__(self, o): return _unwrap(self) << _unwrap(o)
    def __rlshift__(self, o): return _unwrap(o) << _unwrap(self)
    def __rshift__(self, o): return _unwrap(self) >> _unwrap(o)
    def __rrshift__(self, o): return _unwrap(o) >> _unwrap(self)
    def __and__(self, o): return _unwrap(self) & _unwrap(o)
    def __rand__(self, o): return _unwrap(o) & _unwrap(self)
    def __or__(self, o): return _unwrap(self) | _unwrap(o)
    def __ror__(self, o): return _unwrap(o) | _unwrap(self)
    def __xor__(self, o): return _unwrap(self) ^ _unwrap(o)
    def __rxor__(self, o): return _unwrap(o) ^ _unwrap(self)

    # In-place operators: the referent's own in-place operation, whose result
    # (not the proxy) is the new value (CPython's proxy_iadd and kin).
    def __iadd__(self, o):
        x = _deref(self); x += _unwrap(o); return x
    def __isub__(self, o):
        x = _deref(self); x -= _unwrap(o); return x
    def __imul__(self, o):
        x = _deref(self); x *= _unwrap(o); return x
    def __imatmul__(self, o):
        x = _deref(self); x @= _unwrap(o); return x
    def __itruediv__(self, o):
        x = _deref(self); x /= _unwrap(o); return x
    def __ifloordiv__(self, o):
        x = _deref(self); x //= _unwrap(o); return x
    def __imod__(self, o):
        x = _deref(self); x %= _unwrap(o); return x
    def __ipow__(self, o):
        x = _deref(self); x **= _unwrap(o); return x
    def __ilshift__(self, o):
        x = _deref(self); x <<= _unwrap(o); return x
    def __irshift__(self, o):
        x = _deref(self); x >>= _unwrap(o); return x
    def __iand__(self, o):
        x = _deref(self); x &= _unwrap(o); return x
    def __ior__(self, o):
        x = _deref(self); x |= _unwrap(o); return x
    def __ixor__(self, o):
        x = _deref(self); x ^= _unwrap(o); return x


class ProxyType(_ProxyBase):
    __slots__ = ()
    __lethe_tp_name__ = 'weakref.ProxyType'

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'weakref.ProxyType' instances")


class CallableProxyType(_ProxyBase):
    __slots__ = ()
    __lethe_tp_name__ = 'weakref.CallableProxyType'

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'weakref.CallableProxyType' instances")

    def __call__(self, *args, **kwargs):
        return _deref(self)(*args, **kwargs)


for _c in (ProxyType, CallableProxyType):
    _c.__module__ = 'weakref'
del _c


def proxy(object, callback=None, /):
    """Create a proxy object that weakly references 'object'.

    'callback', if given, is called with a reference to the
    proxy when 'object' is about to be finalized."""
    cls = CallableProxyType if callable(object) else ProxyType
    return _new(cls, object, callback, 1)


def getweakrefcount(object, /):
    """Return the number of weak references to 'object'."""
    return len(_lethe.weakref_refs(object))


def getweakrefs(object, /):
    """Return a list of all weak reference objects pointing to 'object'."""
    return _lethe.weakref_refs(object)


def _remove_dead_weakref(dct, key, /):
    """Atomically remove key from dict if it points to a dead weakref."""
    try:
        wr = dct[key]
    except KeyError:
        return
    if wr() is None:
        del dct[key]
