"""typing (lethe): the names annotated programs import.

Nothing is checked at run time, as in CPython. Subscripted forms (List[int],
Optional[str], Callable[[int], str], ...) are alias objects with CPython's repr,
__origin__ and __args__; calling an alias of a concrete class calls the class.
Generic[T] and Protocol work as bases (through __mro_entries__); NamedTuple and
TypedDict work in their class and functional forms."""

import collections
import sys
import abc as _abc_mod
import _lethe

__all__ = [
    'Any', 'AnyStr', 'Callable', 'ClassVar', 'Counter', 'DefaultDict', 'Deque', 'Dict',
    'Final', 'FrozenSet', 'Generator', 'Generic', 'Hashable', 'Iterable', 'Iterator',
    'List', 'Literal', 'Mapping', 'MutableMapping', 'MutableSequence', 'MutableSet',
    'NamedTuple', 'NewType', 'NoReturn', 'Never', 'Optional', 'OrderedDict', 'Protocol',
    'Sequence', 'Set', 'Sized', 'Text', 'Tuple', 'Type', 'TypeVar', 'TypedDict', 'Union',
    'cast', 'final', 'get_args', 'get_origin', 'get_type_hints', 'no_type_check',
    'overload', 'runtime_checkable', 'TYPE_CHECKING',
]

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if type(obj).__name__ == 'function':
        return obj.__name__
    if isinstance(obj, list):
        return '[%s]' % ', '.join(_type_repr(a) for a in obj)
    return repr(obj)


def _params(params):
    if not isinstance(params, tuple):
        params = (params,)
    return tuple(type(None) if p is None else p for p in params)


class _Final:
    """Base of the typing objects: usable in `X | Y` and as alias arguments."""

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias(_Final):
    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if not self.__args__:
            return name + '[()]'
        return '%s[%s]' % (name, ', '.join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if self._name:
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, self.__origin__.__name__))
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, _params(params), self._name)

    @property
    def __parameters__(self):
        return _collect_parameters(self.__args__)

    def __mro_entries__(self, bases):
        if self._name and isinstance(self.__origin__, type):
            # The generic version of an ABC or built-in class (List[int]).
            return _generic_entries(self, bases)
        if self.__origin__ is Generic:
            # Generic comes from the last generic base (CPython's rule).
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, (_GenericAlias, _SpecialGenericAlias)) and b is not self:
                    return ()
        if isinstance(self.__origin__, type):
            return (self.__origin__,)
        return ()

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)


def _generic_entries(alias, bases):
    # As CPython's _BaseGenericAlias.__mro_entries__: the origin, and Generic unless
    # a later base brings it.
    res = []
    if alias.__origin__ not in bases:
        res.append(alias.__origin__)
    i = bases.index(alias)
    for b in bases[i + 1:]:
        if isinstance(b, (_GenericAlias, _SpecialGenericAlias)) or (
                isinstance(b, type) and issubclass(b, Generic)):
            break
    else:
        res.append(Generic)
    return tuple(res)


class _CallableAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return 'typing.Callable[..., %s]' % _type_repr(args[1])
        return 'typing.Callable[[%s], %s]' % (
            ', '.join(_type_repr(a) for a in args[:-1]), _type_repr(args[-1]))


class _SpecialGenericAlias(_Final):
    """List, Dict, ...: an unsubscripted alias of a concrete class."""

    def __init__(self, origin, name):
        self.__origin__ = origin
        self._name = name

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._name == 'Callable':
            if not isinstance(params, tuple) or len(params) != 2:
                raise TypeError('Callable must be used as Callable[[arg, ...], result].')
            args, result = params
            if args is ...:
                return _CallableAlias(self.__origin__, (..., result), 'Callable')
            return _CallableAlias(self.__origin__, tuple(args) + (result,), 'Callable')
        if self._name == 'Tuple' and params == ():
            return _GenericAlias(tuple, (), 'Tuple')
        return _GenericAlias(self.__origin__, _params(params), self._name)

    def __call__(self, *args, **kwargs):
        raise TypeError('Type %s cannot be instantiated; use %s() instead'
                        % (self._name, self.__origin__.__name__))

    def __mro_entries__(self, bases):
        return _generic_entries(self, bases)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        return issubclass(cls, self.__origin__)

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self._name == other._name

    def __hash__(self):
        return hash(self._name)


class _SpecialForm(_Final):
    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError('%s is not subscriptable' % self)
        return self._getitem(self, params)

    def __call__(self, *args, **kwargs):
        raise TypeError('Cannot instantiate %r' % self)

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(self._name)


class _UnionAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return 'typing.Optional[%s]' % _type_repr(other)
        return 'typing.Union[%s]' % ', '.join(_type_repr(a) for a in args)

    def __eq__(self, other):
        if not isinstance(other, _UnionAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


def _union(form, params):
    if params == ():
        raise TypeError('Cannot take a Union of no types.')
    flat = []
    for p in _params(params):
        if isinstance(p, _UnionAlias):
            members = p.__args__
        elif type(p).__name__ == 'UnionType':
            members = p.__args__
        else:
            members = (p,)
        for m in members:
            if m not in flat:
                flat.append(m)
    if len(flat) == 1:
        return flat[0]
    return _UnionAlias(Union, tuple(flat))


def _optional(form, param):
    return Union[param, None]


def _literal(form, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _LiteralAlias(Literal, params)


class _LiteralAlias(_GenericAlias):
    def __repr__(self):
        return 'typing.Literal[%s]' % ', '.join(repr(a) for a in self.__args__)


def _wrap_one(form, param):
    return _GenericAlias(form, _params(param), form._name)


def _annotated(form, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError('Annotated[...] should be used with at least two arguments '
                        '(a type and an annotation).')
    return params[0]


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', _optional)
Literal = _SpecialForm('Literal', _literal)
ClassVar = _SpecialForm('ClassVar', _wrap_one)
Final = _SpecialForm('Final', _wrap_one)
Required = _SpecialForm('Required', _wrap_one)
NotRequired = _SpecialForm('NotRequired', _wrap_one)
TypeGuard = _SpecialForm('TypeGuard', _wrap_one)
Annotated = _SpecialForm('Annotated', _annotated)
Concatenate = _SpecialForm('Concatenate', lambda form, params: _GenericAlias(
    form, _params(params), 'Concatenate'))


def _abc(name):
    # The collections.abc class; a stand-in of the same name for the asynchronous
    # ones lethe does not have (for __origin__ and repr only).
    import collections.abc as _cabc
    cls = getattr(_cabc, name, None)
    if cls is None:
        cls = type(name, (), {'__module__': 'collections.abc'})
    return cls


List = _SpecialGenericAlias(list, 'List')
Dict = _SpecialGenericAlias(dict, 'Dict')
Set = _SpecialGenericAlias(set, 'Set')
FrozenSet = _SpecialGenericAlias(frozenset, 'FrozenSet')
Tuple = _SpecialGenericAlias(tuple, 'Tuple')
Type = _SpecialGenericAlias(type, 'Type')
Deque = _SpecialGenericAlias(collections.deque, 'Deque')
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 'DefaultDict')
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 'OrderedDict')
Counter = _SpecialGenericAlias(collections.Counter, 'Counter')
ChainMap = _SpecialGenericAlias(getattr(collections, 'ChainMap', dict), 'ChainMap')
Callable = _SpecialGenericAlias(_abc('Callable'), 'Callable')
Iterable = _SpecialGenericAlias(_abc('Iterable'), 'Iterable')
Iterator = _SpecialGenericAlias(_abc('Iterator'), 'Iterator')
Generator = _SpecialGenericAlias(_abc('Generator'), 'Generator')
Reversible = _SpecialGenericAlias(_abc('Reversible'), 'Reversible')
Container = _SpecialGenericAlias(_abc('Container'), 'Container')
Collection = _SpecialGenericAlias(_abc('Collection'), 'Collection')
Sequence = _SpecialGenericAlias(_abc('Sequence'), 'Sequence')
MutableSequence = _SpecialGenericAlias(_abc('MutableSequence'), 'MutableSequence')
Mapping = _SpecialGenericAlias(_abc('Mapping'), 'Mapping')
MutableMapping = _SpecialGenericAlias(_abc('MutableMapping'), 'MutableMapping')
AbstractSet = _SpecialGenericAlias(_abc('Set'), 'AbstractSet')
MutableSet = _SpecialGenericAlias(_abc('MutableSet'), 'MutableSet')
KeysView = _SpecialGenericAlias(_abc('KeysView'), 'KeysView')
ValuesView = _SpecialGenericAlias(_abc('ValuesView'), 'ValuesView')
ItemsView = _SpecialGenericAlias(_abc('ItemsView'), 'ItemsView')
Awaitable = _SpecialGenericAlias(_abc('Awaitable'), 'Awaitable')
Coroutine = _SpecialGenericAlias(_abc('Coroutine'), 'Coroutine')
AsyncIterable = _SpecialGenericAlias(_abc('AsyncIterable'), 'AsyncIterable')
AsyncIterator = _SpecialGenericAlias(_abc('AsyncIterator'), 'AsyncIterator')
Hashable = _SpecialGenericAlias(_abc('Hashable'), 'Hashable')
Sized = _SpecialGenericAlias(_abc('Sized'), 'Sized')
Text = str


class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__


AnyStr = TypeVar('AnyStr', bytes, str)


class ParamSpec(_Final):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return '~' + self.__name__


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


class Generic:
    """Base of user generic classes: `class Stack(Generic[T])`."""
    __slots__ = ()

    def __class_getitem__(cls, params):
        return _GenericAlias(cls, _params(params))

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # __parameters__: the type variables of the generic bases (CPython's
        # Generic.__init_subclass__), those of Generic[...] when it is listed.
        tvars = []
        orig = cls.__dict__.get('__orig_bases__')
        if orig is not None:
            if Generic in orig:
                raise TypeError("Cannot inherit from plain Generic")
            tvars = _collect_parameters(orig)
            gvars = None
            for base in orig:
                if isinstance(base, _GenericAlias) and base.__origin__ is Generic:
                    if gvars is not None:
                        raise TypeError("Cannot inherit from Generic[...] multiple times.")
                    gvars = base.__parameters__
            if gvars is not None:
                gvarset = set(gvars)
                if not set(tvars) <= gvarset:
                    s_vars = ', '.join(str(t) for t in tvars if t not in gvarset)
                    s_args = ', '.join(str(g) for g in gvars)
                    raise TypeError(f"Some type variables ({s_vars}) are"
                                    f" not listed in Generic[{s_args}]")
                tvars = gvars
        elif (Generic in cls.__bases__ and cls.__name__ != 'Protocol'
              and cls.__module__ != 'typing'):
            raise TypeError("Cannot inherit from plain Generic")
        cls.__parameters__ = tuple(tvars)


def _collect_parameters(args):
    """The type variables in args (and in the aliases among them), first seen first."""
    params = []
    for t in args:
        if isinstance(t, TypeVar):
            if t not in params:
                params.append(t)
        elif isinstance(t, (_GenericAlias, tuple, list)):
            inner = t.__parameters__ if isinstance(t, _GenericAlias) else _collect_parameters(t)
            for p in inner:
                if p not in params:
                    params.append(p)
    return tuple(params)


_SPECIAL_NAMES = frozenset([
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__',
    '__module__', '__new__', '__slots__', '__subclasshook__', '__weakref__',
    '__class_getitem__', '__parameters__', '__orig_bases__', '__qualname__',
    '_is_protocol', '_is_runtime_protocol', '__protocol_attrs__',
    '_MutableMapping__marker', '__match_args__',
])


def _get_protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:  # without object
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = getattr(base, '__annotations__', {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith('_abc_') and attr not in _SPECIAL_NAMES:
                attrs.add(attr)
    return attrs


def _is_callable_members_only(cls):
    return all(callable(getattr(cls, attr, None)) for attr in _get_protocol_attrs(cls))


_reckless_depth = 0


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')


class _ProtocolMeta(_abc_mod.ABCMeta):
    # Structural isinstance() for runtime-checkable protocols, as CPython's.
    def __instancecheck__(cls, instance):
        if (getattr(cls, '_is_protocol', False)
                and not getattr(cls, '_is_runtime_protocol', False)):
            raise TypeError("Instance and class checks can only be used with"
                            " @runtime_checkable protocols")
        if ((not getattr(cls, '_is_protocol', False) or _is_callable_members_only(cls))
                and issubclass(instance.__class__, cls)):
            return True
        if cls._is_protocol:
            if all(hasattr(instance, attr) and
                   (not callable(getattr(cls, attr, None)) or
                    getattr(instance, attr) is not None)
                   for attr in _get_protocol_attrs(cls)):
                return True
        # The abc machinery may consult the protocol's hook: it answers
        # NotImplemented there instead of raising (CPython's reckless checks).
        global _reckless_depth
        _reckless_depth += 1
        try:
            return super().__instancecheck__(instance)
        finally:
            _reckless_depth -= 1


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes (structural subtyping)."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)

        def _proto_hook(other):
            if not cls.__dict__.get('_is_protocol', False):
                return NotImplemented
            if not getattr(cls, '_is_runtime_protocol', False):
                if _reckless_depth:
                    return NotImplemented
                raise TypeError("Instance and class checks can only be used with"
                                " @runtime_checkable protocols")
            if not _is_callable_members_only(cls):
                if _reckless_depth:
                    return NotImplemented
                raise TypeError("Protocols with non-method members"
                                " don't support issubclass()")
            if not isinstance(other, type):
                raise TypeError('issubclass() arg 1 must be a class')
            for attr in _get_protocol_attrs(cls):
                for base in other.__mro__:
                    if attr in base.__dict__:
                        if base.__dict__[attr] is None:
                            return NotImplemented
                        break
                    annotations = getattr(base, '__annotations__', {})
                    if (isinstance(annotations, dict) and attr in annotations
                            and issubclass(other, Generic) and getattr(other, '_is_protocol', False)):
                        break
                else:
                    return NotImplemented
            return True

        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = _proto_hook
        if not cls._is_protocol:
            return
        if cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol (isinstance/issubclass work)."""
    if not issubclass(cls, Generic) or not getattr(cls, '_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def assert_never(arg):
    raise AssertionError('Expected code to be unreachable, but got: %r' % (arg,))


def reveal_type(obj):
    return obj


class NewType:
    """`UserId = NewType('UserId', int)`: a callable that returns its argument,
    standing for a distinct type to a type checker (CPython's class)."""

    __call__ = _idfunc = staticmethod(lambda x: x)

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        try:
            def_mod = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            def_mod = None
        if def_mod != 'typing':
            self.__module__ = def_mod

    def __mro_entries__(self, bases):
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError(
                    f"Cannot subclass an instance of NewType. Perhaps you were looking for: "
                    f"`{subclass_name} = NewType({subclass_name!r}, {superclass_name})`"
                )

        return (Dummy,)

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


def get_origin(tp):
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        return tp.__origin__
    if type(tp).__name__ == 'UnionType':
        return type(tp)
    return None


def get_args(tp):
    if isinstance(tp, _CallableAlias):
        args = tp.__args__
        if args and args[0] is ...:
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    if type(tp).__name__ == 'UnionType':
        return tp.__args__
    return ()


def _eval_hint(v, globalns, localns):
    if v is None:
        return type(None)
    while isinstance(v, str):
        v = eval(v, globalns, localns)
    return v


def _module_globals(obj):
    import sys
    m = sys.modules.get(getattr(obj, '__module__', None))
    return m.__dict__ if m is not None else {}


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class (its bases included), function or module, with
    string (forward-reference) annotations evaluated, as CPython's."""
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            base_globals = _module_globals(base) if globalns is None else globalns
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                hints[name] = _eval_hint(value, base_globals, base_locals)
        return hints
    if globalns is None:
        if type(obj).__name__ == 'module':
            globalns = obj.__dict__
        else:
            globalns = _module_globals(obj)
    if localns is None:
        localns = globalns
    for name, value in dict(getattr(obj, '__annotations__', None) or {}).items():
        hints[name] = _eval_hint(value, globalns, localns)
    return hints


class NamedTuple(tuple):
    """`class Point(NamedTuple): x: int` or `NamedTuple('Point', [('x', int)])`."""

    def __new__(cls, typename=None, fields=None, **kwargs):
        if cls is NamedTuple:
            if fields is None:
                fields = list(kwargs.items())
            names = [f for f, _ in fields]
            try:
                module = sys._getframe(1).f_globals.get('__name__', '__main__')
            except (AttributeError, ValueError):
                module = '__main__'
            nt = collections.namedtuple(typename, names, module=module)
            nt.__annotations__ = nt.__new__.__annotations__ = dict(fields)
            return nt
        raise TypeError('%s: NamedTuple subclass without fields' % cls.__name__)

    def __init_subclass__(cls, **kwargs):
        own = cls.__dict__
        annotations = own.get('__annotations__', {})
        fields = list(annotations)
        defaults = []
        for f in fields:
            if f in own:
                defaults.append(own[f])
            elif defaults:
                raise TypeError('Non-default namedtuple field %s cannot follow default '
                                'field%s %s' % (f, 's' if len(defaults) > 1 else '',
                                                ', '.join(fields[:len(defaults)])))
        nt = collections.namedtuple(cls.__name__, fields, defaults=defaults or None,
                                    module=cls.__module__)
        nt.__new__.__annotations__ = dict(annotations)
        for name, value in nt.__dict__.items():
            if name in ('__dict__', '__weakref__', '__doc__', '__module__',
                        '__qualname__', '__slots__'):
                continue
            if name in own and name not in fields and name != '__new__':
                continue
            setattr(cls, name, value)


class _TypedDictMeta(type):
    """The metaclass of TypedDict classes (as CPython's): a class over dict whose
    calls make plain dicts, with the keys' annotations and required/optional sets."""

    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        own_annotations = ns.get('__annotations__', {})
        required_keys = set()
        optional_keys = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required_keys.update(base.__dict__.get('__required_keys__', ()))
            optional_keys.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own_annotations)
        for annotation_key, annotation_type in own_annotations.items():
            origin = get_origin(annotation_type)
            if origin is Annotated:
                origin = get_origin(get_args(annotation_type)[0])
            if origin is Required:
                is_required = True
            elif origin is NotRequired:
                is_required = False
            else:
                is_required = total
            if is_required:
                required_keys.add(annotation_key)
                optional_keys.discard(annotation_key)
            else:
                optional_keys.add(annotation_key)
                required_keys.discard(annotation_key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        if not hasattr(tp_dict, '__total__'):
            tp_dict.__total__ = total
        return tp_dict

    def __init__(cls, name, bases, ns, total=True):
        pass

    __call__ = dict

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """`class Movie(TypedDict): title: str`, or `TypedDict('Movie', {'title': str})`;
    instances are plain dicts."""
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments,"
                        " but not both")
    ns = {'__annotations__': dict(fields)}
    try:
        ns['__module__'] = sys._getframe(1).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        pass
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


# ---- the remaining public names of CPython's typing ----

T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)

ContextManager = _SpecialGenericAlias(_abc('AbstractContextManager'), 'ContextManager')
AsyncContextManager = _SpecialGenericAlias(_abc('AbstractAsyncContextManager'),
                                           'AsyncContextManager')
AsyncGenerator = _SpecialGenericAlias(_abc('AsyncGenerator'), 'AsyncGenerator')
ByteString = _SpecialGenericAlias(_abc('ByteString'), 'ByteString')
MappingView = _SpecialGenericAlias(_abc('MappingView'), 'MappingView')
Unpack = _SpecialForm('Unpack', _wrap_one)
GenericAlias = type(list[int])


def _protocol(name):
    return type(name, (Protocol,), {'__module__': 'typing'})


SupportsAbs = _protocol('SupportsAbs')
SupportsBytes = _protocol('SupportsBytes')
SupportsComplex = _protocol('SupportsComplex')
SupportsFloat = _protocol('SupportsFloat')
SupportsIndex = _protocol('SupportsIndex')
SupportsInt = _protocol('SupportsInt')
SupportsRound = _protocol('SupportsRound')


class IO(Generic):
    """Generic base class for TextIO and BinaryIO (annotations only)."""
    __slots__ = ()


class TextIO(IO):
    __slots__ = ()


class BinaryIO(IO):
    __slots__ = ()


class _PatternAlias(_SpecialGenericAlias):
    def __init__(self, name):
        self.__origin__ = None
        self._name = name

    def __getitem__(self, params):
        return _GenericAlias(None, _params(params), self._name)


Pattern = _PatternAlias('Pattern')
Match = _PatternAlias('Match')


class ForwardRef(_Final):
    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError('Forward reference must be a string -- got %r' % (arg,))
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_module__ = module

    def __repr__(self):
        return 'ForwardRef(%r)' % (self.__forward_arg__,)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


class ParamSpecArgs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%r.args' % (self.__origin__,)


class ParamSpecKwargs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%r.kwargs' % (self.__origin__,)


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


ABCMeta = type
_overload_registry = {}


def get_overloads(func):
    return list(_overload_registry.get(getattr(func, '__qualname__', None), []))


def clear_overloads():
    _overload_registry.clear()


def assert_type(val, typ):
    return val


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            'eq_default': eq_default, 'order_default': order_default,
            'kw_only_default': kw_only_default, 'field_specifiers': field_specifiers,
            'kwargs': kwargs}
        return cls_or_fn
    return decorator


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)
