"""dataclasses (lethe): @dataclass, field, fields, asdict, astuple, replace.

CPython generates the methods with exec(); here they are closures over the field
list that behave the same, with CPython's error messages."""

import copy as _copy
from _mappingproxy import mappingproxy as _MappingProxy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return 'dataclasses.InitVar[%s]' % type_name

    def __class_getitem__(cls, type):
        return InitVar(type)


_EMPTY_METADATA = _MappingProxy({})


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = (_EMPTY_METADATA if metadata is None
                         else _MappingProxy(metadata))
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,'
                'hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)'
                % (self.name, self.type, self.default, self.default_factory, self.init,
                   self.repr, self.hash, self.compare, self.metadata, self.kw_only,
                   self._field_type))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


_FIELD = '_FIELD'
_FIELD_CLASSVAR = '_FIELD_CLASSVAR'
_FIELD_INITVAR = '_FIELD_INITVAR'


def _is_classvar(tp):
    if isinstance(tp, str):
        return tp.startswith('ClassVar') or tp.startswith('typing.ClassVar')
    r = repr(tp)
    return r.startswith('typing.ClassVar')


def _is_initvar(tp):
    if isinstance(tp, str):
        return tp.startswith('InitVar') or tp.startswith('dataclasses.InitVar')
    return tp is InitVar or isinstance(tp, InitVar)


def _get_field(cls, name, tp, default_kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = tp
    f._field_type = _FIELD
    if _is_classvar(tp):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(tp):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    if f._field_type is _FIELD and f.default is not MISSING and \
            type(f.default) in (list, dict, set):
        raise ValueError('mutable default %s for field %s is not allowed: use '
                         'default_factory' % (type(f.default), name))
    return f


class _HasDefaultFactory:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HasDefaultFactory()


def _make_init(cls, fields, has_post_init, frozen):
    """`__init__` as CPython's dataclasses make it: the source of a function with the
    fields as parameters, run by exec(), so calls bind arguments (and report errors)
    as any function does."""
    ns = {'MISSING': MISSING, '_HAS_DEFAULT_FACTORY': _HAS_DEFAULT_FACTORY,
          '__dataclass_builtins_object__': object}
    std, kw, body = [], [], []
    # A field may be called `self`: the instance parameter then has another name.
    self_name = '__dataclass_self__' if 'self' in [f.name for f in fields] else 'self'
    for f in fields:
        dflt = '_dflt_' + f.name
        if f.init:
            if f.default_factory is not MISSING:
                ns[dflt] = f.default_factory
                param = '%s=_HAS_DEFAULT_FACTORY' % f.name
                value = '%s() if %s is _HAS_DEFAULT_FACTORY else %s' % (dflt, f.name, f.name)
            elif f.default is not MISSING:
                ns[dflt] = f.default
                param = '%s=%s' % (f.name, dflt)
                value = f.name
            else:
                param = f.name
                value = f.name
            (kw if f.kw_only else std).append(param)
        elif f.default_factory is not MISSING:
            ns[dflt] = f.default_factory
            value = dflt + '()'
        else:
            continue
        if f._field_type is _FIELD_INITVAR:
            continue
        if frozen:
            body.append('  __dataclass_builtins_object__.__setattr__(%s, %r, %s)'
                        % (self_name, f.name, value))
        else:
            body.append('  %s.%s = %s' % (self_name, f.name, value))
    if has_post_init:
        body.append('  %s.__post_init__(%s)' % (self_name, ', '.join(
            f.name for f in fields if f._field_type is _FIELD_INITVAR)))
    params = [self_name] + std
    if kw:
        params += ['*'] + kw
    src = 'def __init__(%s):\n%s\n' % (', '.join(params), '\n'.join(body) or '  pass')
    exec(src, ns)
    fn = ns['__init__']
    fn.__qualname__ = cls.__qualname__ + '.__init__'
    # CPython's source annotates each parameter with its field's type.
    ann = {f.name: f.type for f in fields if f.init and not f.kw_only}
    ann.update((f.name, f.type) for f in fields if f.init and f.kw_only)
    ann['return'] = None
    fn.__annotations__ = ann
    return fn


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    fields_ = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get('__dataclass_fields__')
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields_[f.name] = f
            if b.__dict__['__dataclass_params__'].frozen:
                any_frozen_base = True
    annotations = cls.__dict__.get('__annotations__', {})
    own = []
    kw_only_now = kw_only
    for name, tp in annotations.items():
        if tp is KW_ONLY or (isinstance(tp, str) and tp in ('KW_ONLY', 'dataclasses.KW_ONLY')):
            kw_only_now = True
            continue
        f = _get_field(cls, name, tp, kw_only_now)
        own.append(f)
    for f in own:
        fields_[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError('%r is a field but has no type annotation' % name)
    cls.__dataclass_fields__ = fields_
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    all_fields = [f for f in fields_.values() if f._field_type is _FIELD]
    init_fields = [f for f in fields_.values()
                   if f._field_type in (_FIELD, _FIELD_INITVAR) and f.init]
    if init:
        seen_default = None
        for f in init_fields:
            if f.kw_only:
                continue
            if f.default is not MISSING or f.default_factory is not MISSING:
                seen_default = f
            elif seen_default is not None:
                raise TypeError('non-default argument %r follows default argument'
                                % f.name)
        has_post_init = hasattr(cls, '__post_init__')
        fn = _make_init(cls, [f for f in fields_.values()
                              if f._field_type in (_FIELD, _FIELD_INITVAR)],
                        has_post_init, frozen)
        _set_new(cls, '__init__', fn, overwrite=True)

    if repr:
        repr_fields = [f for f in all_fields if f.repr]
        running = set()

        def __repr__(self):
            key = id(self)
            if key in running:
                return '...'
            running.add(key)
            try:
                return '%s(%s)' % (type(self).__qualname__, ', '.join(
                    '%s=%r' % (f.name, getattr(self, f.name)) for f in repr_fields))
            finally:
                running.discard(key)
        __repr__.__qualname__ = cls.__qualname__ + '.__repr__'
        __repr__._lethe_dataclass_repr_ = True
        _set_new(cls, '__repr__', __repr__)

    cmp_fields = [f for f in all_fields if f.compare]

    def _tuple(obj):
        return tuple(getattr(obj, f.name) for f in cmp_fields)

    if eq:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _tuple(self) == _tuple(other)
            return NotImplemented
        __eq__.__qualname__ = cls.__qualname__ + '.__eq__'
        _set_new(cls, '__eq__', __eq__)

    if order:
        def _make_cmp(name, op):
            def cmp(self, other):
                if other.__class__ is self.__class__:
                    return op(_tuple(self), _tuple(other))
                return NotImplemented
            cmp.__name__ = name
            cmp.__qualname__ = cls.__qualname__ + '.' + name
            return cmp
        for name, op in [('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)]:
            if name in cls.__dict__:
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider '
                                'using functools.total_ordering' % (name, cls.__name__))
            setattr(cls, name, _make_cmp(name, op))

    if frozen:
        def __setattr__(self, name, value):
            if type(self) is cls or name in fields_:
                raise FrozenInstanceError("cannot assign to field '%s'" % name)
            super(cls, self).__setattr__(name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in fields_:
                raise FrozenInstanceError("cannot delete field '%s'" % name)
            super(cls, self).__delattr__(name)
        for name, fn in (('__setattr__', __setattr__), ('__delattr__', __delattr__)):
            if name in cls.__dict__:
                raise TypeError('Cannot overwrite attribute %s in class %s'
                                % (name, cls.__name__))
            setattr(cls, name, fn)

    has_own_hash = '__hash__' in cls.__dict__ and cls.__dict__['__hash__'] is not None
    hash_fields = [f for f in all_fields if (f.compare if f.hash is None else f.hash)]

    def __hash__(self):
        return hash(tuple(getattr(self, f.name) for f in hash_fields))
    if unsafe_hash:
        if has_own_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s'
                            % cls.__name__)
        cls.__hash__ = __hash__
    elif eq and frozen:
        if not has_own_hash:
            cls.__hash__ = __hash__
    elif eq:
        if not has_own_hash:
            cls.__hash__ = None

    if match_args and '__match_args__' not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in init_fields if not f.kw_only)
    if not getattr(cls, '__doc__'):
        cls.__doc__ = '%s(%s)' % (cls.__name__, ', '.join(
            '%s' % f.name for f in init_fields))
    return cls


def _set_new(cls, name, value, overwrite=False):
    if name in cls.__dict__ and not overwrite:
        return
    setattr(cls, name, value)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,'
                'frozen=%r)' % (self.init, self.repr, self.eq, self.order,
                                self.unsafe_hash, self.frozen))


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False, weakref_slot=False):
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    def wrap(cls):
        if weakref_slot and not slots:
            raise TypeError('weakref_slot is True but slots is False')
        cls = _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                             match_args, kw_only)
        if slots:
            cls = _add_slots(cls, frozen, weakref_slot)
        return cls
    if cls is None:
        return wrap
    return wrap(cls)


def _get_slots(cls):
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        return []
    if isinstance(slots, str):
        return [slots]
    if not hasattr(slots, '__next__'):
        return list(slots)
    raise TypeError(f"Slots of '{cls.__name__}' cannot be determined")


def _add_slots(cls, is_frozen, weakref_slot=False):
    """A new class like cls with __slots__ for its fields (as CPython does)."""
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited_slots = set()
    for b in cls.__mro__[1:-1]:
        inherited_slots.update(_get_slots(b))
    extra = ('__weakref__',) if weakref_slot else ()
    cls_dict['__slots__'] = tuple(n for n in field_names + extra
                                  if n not in inherited_slots)
    for field_name in field_names:
        cls_dict.pop(field_name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    if is_frozen:
        def __getstate__(self):
            return [getattr(self, f.name) for f in fields(self)]

        def __setstate__(self, state):
            for f, value in zip(fields(self), state):
                object.__setattr__(self, f.name, value)
        if '__getstate__' not in cls_dict:
            cls.__getstate__ = __getstate__
        if '__setstate__' not in cls_dict:
            cls.__setstate__ = __setstate__
    return cls


def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fs.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be '
                                 'specified with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar '%s' must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    ns = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            annotations[item] = 'typing.Any'
        elif len(item) == 2:
            annotations[item[0]] = item[1]
        else:
            annotations[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns['__annotations__'] = annotations
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kwargs)
