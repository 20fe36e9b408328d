"""mappingproxy (lethe): the read-only mapping view CPython's class `__dict__`
and `types.MappingProxyType` give.  A proxy over a class reads the class
namespace in place through `_lethe`; any other proxy wraps a mapping."""

import _lethe

_get = _lethe.type_dict_get
_len = _lethe.type_dict_len
_copy = _lethe.type_dict_copy
_MISSING = object()


class mappingproxy:
    """A read-only view of a mapping."""
    __module__ = 'builtins'
    __slots__ = ('_m', '_c')

    def __new__(cls, mapping):
        if (not hasattr(type(mapping), '__getitem__')
                or isinstance(mapping, (list, tuple))):
            raise TypeError("mappingproxy() argument must be a mapping, not %s"
                            % type(mapping).__name__)
        self = object.__new__(cls)
        object.__setattr__(self, '_m', mapping)
        object.__setattr__(self, '_c', None)
        return self

    def _mapping(self):
        c = self._c
        return self._m if c is None else _copy(c)

    def __getitem__(self, key):
        c = self._c
        if c is None:
            return self._m[key]
        v = _get(c, key, _MISSING)
        if v is _MISSING:
            raise KeyError(key)
        return v

    def get(self, key, default=None):
        c = self._c
        if c is None:
            return self._m.get(key, default)
        return _get(c, key, default)

    def __contains__(self, key):
        c = self._c
        if c is None:
            return key in self._m
        return _get(c, key, _MISSING) is not _MISSING

    def __len__(self):
        c = self._c
        return len(self._m) if c is None else _len(c)

    def __iter__(self):
        return iter(self._mapping())

    def __reversed__(self):
        return reversed(self._mapping())

    def keys(self):
        return self._mapping().keys()

    def values(self):
        return self._mapping().values()

    def items(self):
        return self._mapping().items()

    def copy(self):
        c = self._c
        return self._m.copy() if c is None else _copy(c)

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __setattr__(self, name, value):
        raise AttributeError("'mappingproxy' object has no attribute '%s'" % name)

    def __eq__(self, other):
        if isinstance(other, mappingproxy):
            other = other._mapping()
        return self._mapping() == other

    def __ne__(self, other):
        if isinstance(other, mappingproxy):
            other = other._mapping()
        return self._mapping() != other

    def __or__(self, other):
        if isinstance(other, mappingproxy):
            other = other._mapping()
        return dict(self._mapping()) | other

    def __ror__(self, other):
        return other | dict(self._mapping())

    def __ior__(self, other):
        raise TypeError("'|=' is not supported by mappingproxy; use '|' instead")

    def __str__(self):
        return str(self._mapping())

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping(),)

    __hash__ = None


def _classdict(cls):
    p = object.__new__(mappingproxy)
    object.__setattr__(p, '_m', None)
    object.__setattr__(p, '_c', cls)
    return p
