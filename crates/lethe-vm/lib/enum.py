"""enum (lethe): Enum, IntEnum, StrEnum, auto, unique.

CPython builds enums in its metaclass; here EnumType only gives the class repr:
members are made in Enum.__init_subclass__, and iteration, len() and `in` on an enum class go through
lethe's class hooks (__class_iter__, __class_len__, __class_contains__) and
Color['RED'] through __class_getitem__. Flag/IntFlag follow CPython 3.11 (boundaries,
pseudo-members for combinations, multi-bit members as aliases)."""

import _lethe

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'auto', 'unique',
           'ReprEnum', 'Flag', 'IntFlag', 'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT',
           'KEEP', 'member', 'nonmember', 'property', 'verify', 'EnumCheck',
           'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE']

_Flag = None


class nonmember(object):
    """
    Protects item from becoming an Enum member during class creation.
    """
    def __init__(self, value):
        self.value = value

class member(object):
    """
    Forces item to become an Enum member during class creation.
    """
    def __init__(self, value):
        self.value = value


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    _counter = 0

    def __init__(self, value=None):
        self.value = value
        auto._counter += 1
        self._order = auto._counter

    def __repr__(self):
        return 'auto(%r)' % (self.value,)

    # CPython replaces auto() by its value as the class body runs, so `WHITE = RED |
    # BLUE` combines ints there; lethe resolves auto() after the body, so the
    # combination is kept as a deferred auto resolved in definition order.
    _lethe_parts_ = None

    def _combine(self, other, op, swap):
        a = auto()
        a._lethe_parts_ = (op, self, other, swap)
        return a

    def __or__(self, other):
        return self._combine(other, 'or', False)

    def __ror__(self, other):
        return self._combine(other, 'or', True)

    def __and__(self, other):
        return self._combine(other, 'and', False)

    def __rand__(self, other):
        return self._combine(other, 'and', True)

    def __xor__(self, other):
        return self._combine(other, 'xor', False)

    def __rxor__(self, other):
        return self._combine(other, 'xor', True)


def _auto_value(v):
    if not isinstance(v, auto):
        return v
    if v._lethe_parts_ is not None and v.value is None:
        op, a, b, swap = v._lethe_parts_
        a = _auto_value(a)
        b = _auto_value(b)
        if swap:
            a, b = b, a
        if op == 'or':
            v.value = a | b
        elif op == 'and':
            v.value = a & b
        else:
            v.value = a ^ b
    return v.value


_builtin_property = property


def _read_only(attr, what):
    def refuse(self, value=None):
        raise AttributeError("<enum 'Enum'> cannot %s attribute %r" % (what, attr))
    return refuse


class property:
    """A property of enum members (CPython's enum.property): read through the
    member, an AttributeError on the class, and no setting or deleting without
    a setter or deleter."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc if doc is not None else getattr(fget, '__doc__', None)
        self.name = getattr(fget, '__name__', None)
        self.clsname = None

    def getter(self, fget):
        return type(self)(fget, self.fset, self.fdel, self.__doc__)

    def setter(self, fset):
        return type(self)(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return type(self)(self.fget, self.fset, fdel, self.__doc__)

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            try:
                return ownerclass._member_map_[self.name]
            except (KeyError, AttributeError):
                raise AttributeError(self.name) from None
        if self.fget is None:
            raise AttributeError('%r has no attribute %r' % (ownerclass, self.name))
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("<enum %r> cannot set attribute %r" % (self.clsname, self.name))
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("<enum %r> cannot delete attribute %r" % (self.clsname, self.name))
        self.fdel(instance)


_member, _nonmember = member, nonmember


def _is_descriptor(obj):
    return (isinstance(obj, (_builtin_property, property, classmethod, staticmethod))
            or hasattr(type(obj), '__get__') or hasattr(type(obj), '__set__')
            or hasattr(type(obj), '__delete__'))


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' \
        and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' \
        and name[-2] != '_'


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name.lstrip('_'),)
    return name.startswith(pattern) and not name.endswith('__')


def _mixin_of(cls):
    """The data type members are made of (CPython's _member_type_): object, or the
    first base in the MRO that is not an enum."""
    for b in cls.__mro__:
        if b is not object and not isinstance(b, EnumType):
            return b
    return object


from _mappingproxy import mappingproxy as _MappingProxy


class EnumType(type):
    """Metaclass of Enum: class repr (iteration, len() and `in` go through the
    class hooks below)."""

    def __repr__(cls):
        if _Flag is not None and issubclass(cls, _Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __dir__(cls):
        interesting = set(['__class__', '__contains__', '__doc__', '__getitem__',
                           '__iter__', '__len__', '__members__', '__module__',
                           '__name__', '__qualname__', '__init_subclass__']
                          + list(cls.__dict__.get('_member_names_', ())))
        mixin = _mixin_of(cls)
        for b in cls.__mro__:
            if b is Enum or not issubclass(b, Enum):
                break
            if '__new__' in b.__dict__ and b.__dict__['__new__'] is not Enum.__dict__['__new__']:
                interesting.add('__new__')
        if mixin is object:
            return sorted(interesting)
        return sorted(set(dir(mixin)) | interesting)

    @_builtin_property
    def __members__(cls):
        """The members by name, aliases included (a read-only view)."""
        return _MappingProxy(cls.__dict__.get('_member_map_', {}))

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map and not cls.__dict__.get('_lethe_building_'):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, attr):
        if attr in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, attr))
        super().__delattr__(attr)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1):
        """Color(1) looks a member up; Enum('Color', 'RED GREEN') makes a class."""
        if names is None:
            return super().__call__(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_value = None
            for count, name in enumerate(original_names):
                # lethe's _generate_next_value_ gets the last value, not the list.
                value = cls._generate_next_value_(name, start, count, last_value)
                last_value = value
                names.append((name, value))
        ns = {}
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            ns[member_name] = member_value
        ns['__module__'] = module if module is not None else '__main__'
        if qualname is not None:
            ns['__qualname__'] = qualname
        return EnumType(class_name, bases, ns)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._lethe_building_ = True
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        base_members = [b for b in cls.__mro__[1:] if b.__dict__.get('_member_names_')]
        if base_members:
            raise TypeError('%s: cannot extend enumeration %r'
                            % (cls.__name__, base_members[0].__name__))
        mixin = None
        for b in cls.__mro__[1:]:
            # The data type (EnumType._find_data_type_): a built-in type or a class
            # with its own __new__, other than an enum.
            if b is object or isinstance(b, EnumType):
                continue
            if b.__module__ == 'builtins' or '__new__' in b.__dict__:
                mixin = b
                break
        if mixin is not None:
            # As EnumType does: the data type's repr never replaces Enum's.
            for dunder in ('__repr__', '__str__', '__format__'):
                if dunder not in cls.__dict__:
                    for b in cls.__mro__[1:]:
                        if dunder in b.__dict__ and b is not mixin:
                            setattr(cls, dunder, b.__dict__[dunder])
                            break
                        if b is mixin:
                            setattr(cls, dunder, Enum.__dict__[dunder])
                            break
        user_new = cls.__dict__.get('__new__')
        if isinstance(user_new, staticmethod):
            user_new = user_new.__func__
        if user_new is Enum.__new__:
            user_new = None
        if user_new is not None:
            # Kept for subclasses; lookups by value go through Enum.__new__.
            cls._new_member_ = staticmethod(user_new)
            type.__setattr__(cls, '__new__', Enum.__dict__['__new__'])
        else:
            for b in cls.__mro__[1:]:
                if '_new_member_' in b.__dict__:
                    user_new = b.__dict__['_new_member_'].__func__
                    break
        user_init = cls.__dict__.get('__init__')
        if user_init is not None:
            # Color(value) returns an existing member; lethe's class call would run
            # __init__ on it again (CPython's EnumType.__call__ does not).
            def __init__(self, *args, **kwargs):
                if self.__dict__.get('_lethe_ready_'):
                    return
                user_init(self, *args, **kwargs)
            cls.__init__ = __init__
        last_value = None
        count = 0
        is_flag = _Flag is not None and issubclass(cls, _Flag)
        all_values = []
        for name, value in list(cls.__dict__.items()):
            if _is_dunder(name) or _is_sunder(name) or _is_private(cls.__name__, name):
                continue
            if isinstance(value, _nonmember):
                type.__setattr__(cls, name, value.value)
                continue
            if isinstance(value, _member):
                value = value.value
            elif _is_descriptor(value) or isinstance(value, (classmethod, staticmethod)):
                continue
            elif type(value).__name__ == 'function':
                continue
            if isinstance(value, auto):
                if value._lethe_parts_ is not None:
                    _auto_value(value)
                if value.value is None:
                    if is_flag and all_values:
                        try:
                            last = max(all_values)
                        except TypeError:
                            last = last_value
                    else:
                        last = last_value
                    value.value = cls._generate_next_value_(name, 1, count, last)
                value = value.value
            count += 1
            if user_new is not None:
                # As EnumType does with a class's own __new__: it makes the member
                # from the value's parts and may set _value_ itself.
                args = value if isinstance(value, tuple) else (value,)
                if mixin is tuple:
                    args = (args,)
                member = user_new(cls, *args)
                if not hasattr(member, '_value_'):
                    member._value_ = value if mixin is None else mixin(*args)
                value = member._value_
            elif mixin is not None:
                args = value if isinstance(value, tuple) and mixin is not str else (value,)
                if mixin is tuple:
                    args = (args,)
                member = mixin.__new__(cls, *args)
                if mixin is str and isinstance(value, tuple):
                    value = value[0]
            else:
                member = object.__new__(cls)
            last_value = value
            all_values.append(value)
            if is_flag and isinstance(value, int):
                cls._flag_mask_ |= value
                if _is_single_bit(value):
                    cls._singles_mask_ |= value
                cls._all_bits_ = 2 ** (cls._flag_mask_.bit_length()) - 1
            existing = None
            for m in cls._member_map_.values():
                if m._value_ == value:
                    existing = m
                    break
            if existing is not None:
                cls._member_map_[name] = existing
                setattr(cls, name, existing)
                continue
            member._name_ = name
            member._value_ = value
            if user_init is not None:
                if isinstance(value, tuple):
                    user_init(member, *value)
                else:
                    user_init(member, value)
            member._lethe_ready_ = True
            member._sort_order_ = len(cls._member_names_)
            if not is_flag or _is_single_bit(value):
                cls._member_names_.append(name)
            cls._member_map_[name] = member
            try:
                cls._value2member_map_[value] = member
            except TypeError:
                pass
            setattr(cls, name, member)
        type.__delattr__(cls, '_lethe_building_')

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if last_values is None:
            return start
        try:
            return last_values + 1
        except TypeError:
            raise TypeError('unable to sort non-numeric values') from None

    def __new__(cls, value):
        if cls._member_map_ == {} and not cls.__dict__.get('_member_names_'):
            raise TypeError('%s has no members defined' % cls.__name__)
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        missing = cls._missing_(value)
        if isinstance(missing, cls):
            return missing
        if (_Flag is not None and issubclass(cls, _Flag) and cls._boundary_ is EJECT
                and isinstance(missing, int)):
            return missing
        if missing is not None:
            raise TypeError('error in %s._missing_: returned %r instead of None or a '
                            'valid member' % (cls.__name__, missing))
        raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))

    @classmethod
    def _missing_(cls, value):
        return None

    @classmethod
    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    @classmethod
    def __class_iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    @classmethod
    def __class_len__(cls):
        return len(cls._member_names_)

    @classmethod
    def __class_contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and 'EnumType'"
                            % type(member).__qualname__)
        return isinstance(member, cls) and member._name_ in cls._member_map_

    name = _builtin_property(lambda self: self._name_,
                             _read_only('name', 'set'), _read_only('name', 'delete'))
    value = _builtin_property(lambda self: self._value_,
                              _read_only('value', 'set'), _read_only('value', 'delete'))

    def __repr__(self):
        v_repr = repr(self._value_) if type(self)._value_repr_ is None \
            else type(self)._value_repr_(self._value_)
        return '<%s.%s: %s>' % (type(self).__name__, self._name_, v_repr)

    _value_repr_ = None

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        interesting = set()
        if _mixin_of(type(self)) is not object:
            interesting = set(object.__dir__(self))
        member_map = type(self)._member_map_
        for name in getattr(self, '__dict__', []):
            if name[0] != '_' and name not in member_map:
                interesting.add(name)
        for cls in type(self).mro():
            for name, obj in cls.__dict__.items():
                if name[0] == '_':
                    continue
                if isinstance(obj, (_builtin_property, property)):
                    if obj.fget is not None or name not in member_map:
                        interesting.add(name)
                    else:
                        interesting.discard(name)
                elif name not in member_map:
                    interesting.add(name)
        interesting.update(['__class__', '__doc__', '__eq__', '__hash__', '__module__',
                            'name', 'value'])
        return sorted(interesting)


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""

    __new__ = Enum.__new__

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    __new__ = Enum.__new__

    def __str__(self):
        return self._value_

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    """How out-of-range values are handled by a Flag."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


def _is_single_bit(num):
    if not isinstance(num, int) or num == 0:
        return False
    num &= num - 1
    return num == 0


def _iter_bits_lsb(num):
    original = num
    if isinstance(num, Enum):
        num = num.value
    if num < 0:
        raise ValueError('%r is not a positive integer' % original)
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b


def show_flag_values(value):
    return list(_iter_bits_lsb(value))


_bltns_bin = bin


def bin(num, max_bits=None):
    """Like built-in bin(), with negative values in two's complement and a sign bit."""
    ceiling = 2 ** (num).bit_length()
    if num >= 0:
        s = _bltns_bin(num + ceiling).replace('1', '0', 1)
    else:
        s = _bltns_bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum):
    """Support for flags."""

    _boundary_ = None
    _flag_mask_ = 0
    _singles_mask_ = 0
    _all_bits_ = 0
    _inverted_ = None
    _member_type_ = object
    _numeric_repr_ = repr

    def __init_subclass__(cls, boundary=None, **kwargs):
        if boundary is not None:
            cls._boundary_ = boundary
        elif cls._boundary_ is None:
            cls._boundary_ = STRICT
        cls._member_type_ = int if issubclass(cls, int) else object
        cls._flag_mask_ = 0
        cls._singles_mask_ = 0
        cls._all_bits_ = 0
        super().__init_subclass__(**kwargs)
        member_list = [cls._member_map_[n]._value_ for n in cls._member_names_]
        if member_list != sorted(member_list):
            cls._iter_member_ = cls._iter_member_by_def_
        else:
            cls._iter_member_ = cls._iter_member_by_value_

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = last_values
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        for val in _iter_bits_lsb(value & cls._flag_mask_):
            yield cls._value2member_map_.get(val)

    @classmethod
    def _iter_member_by_def_(cls, value):
        yield from sorted(cls._iter_member_by_value_(value), key=lambda m: m._sort_order_)

    @classmethod
    def _iter_member_(cls, value):
        return cls._iter_member_by_value_(value)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        singles_mask = cls._singles_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            if cls._boundary_ is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s" % (
                    cls, value, bin(value, max_bits), bin(flag_mask, max_bits)))
            elif cls._boundary_ is CONFORM:
                value = value & flag_mask
            elif cls._boundary_ is EJECT:
                return value
            elif cls._boundary_ is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** (value.bit_length())) + value
            else:
                raise ValueError('%r unknown flag boundary %r' % (cls, cls._boundary_))
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        aliases = value & ~singles_mask
        member_value = value & singles_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, unknown, bin(unknown)))
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        pseudo_member._value_ = value
        if member_value or aliases:
            members = []
            combined_value = 0
            for m in cls._iter_member_(member_value):
                members.append(m)
                combined_value |= m._value_
            if aliases:
                value = member_value | aliases
                for n, pm in cls._member_map_.items():
                    if pm not in members and pm._value_ and pm._value_ & value == pm._value_:
                        members.append(pm)
                        combined_value |= pm._value_
            unknown = value ^ combined_value
            pseudo_member._name_ = '|'.join([m._name_ for m in members])
            if not combined_value:
                pseudo_member._name_ = None
            elif unknown and cls._boundary_ is STRICT:
                raise ValueError('%r: no members with value %r' % (cls, unknown))
            elif unknown:
                pseudo_member._name_ += '|%s' % cls._numeric_repr_(unknown)
        else:
            pseudo_member._name_ = None
        pseudo_member._lethe_ready_ = True
        pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                self._inverted_ = self.__class__(~self._value_)
            else:
                self._inverted_ = self.__class__(self._singles_mask_ & ~self._value_)
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


_Flag = Flag


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags."""

    __new__ = Enum.__new__
    __repr__ = Flag.__repr__

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)

    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__
    __invert__ = Flag.__invert__
    __contains__ = Flag.__contains__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __bool__ = Flag.__bool__


def unique(enumeration):
    """Class decorator: no two members may have the same value."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join('%s -> %s' % (alias, name) for alias, name in duplicates)
        raise ValueError('duplicate values found in <enum %r>: %s'
                         % (enumeration.__name__, alias_details))
    return enumeration


class EnumCheck(StrEnum):
    """various conditions to check an enumeration for"""
    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


class verify:
    """
    Check an enumeration for various constraints. (see EnumCheck)
    """
    def __init__(self, *checks):
        self.checks = checks
    def __call__(self, enumeration):
        checks = self.checks
        cls_name = enumeration.__name__
        if issubclass(enumeration, Flag):
            enum_type = 'flag'
        elif issubclass(enumeration, Enum):
            enum_type = 'enum'
        else:
            raise TypeError("the 'verify' decorator only works with Enum and Flag")
        for check in checks:
            if check is UNIQUE:
                # check for duplicate names
                duplicates = []
                for name, member in enumeration.__members__.items():
                    if name != member.name:
                        duplicates.append((name, member.name))
                if duplicates:
                    alias_details = ', '.join(
                            ["%s -> %s" % (alias, name) for (alias, name) in duplicates])
                    raise ValueError('aliases found in %r: %s' %
                            (enumeration, alias_details))
            elif check is CONTINUOUS:
                values = set(e.value for e in enumeration)
                if len(values) < 2:
                    continue
                low, high = min(values), max(values)
                missing = []
                if enum_type == 'flag':
                    # check for powers of two
                    for i in range(_high_bit(low)+1, _high_bit(high)):
                        if 2**i not in values:
                            missing.append(2**i)
                elif enum_type == 'enum':
                    # check for powers of one
                    for i in range(low+1, high):
                        if i not in values:
                            missing.append(i)
                else:
                    raise Exception('verify: unknown type %r' % enum_type)
                if missing:
                    raise ValueError(('invalid %s %r: missing values %s' % (
                            enum_type, cls_name, ', '.join((str(m) for m in missing)))
                            )[:256])
                            # limit max length to protect against DOS attacks
            elif check is NAMED_FLAGS:
                # examine each alias and check for unnamed flags
                member_names = enumeration._member_names_
                member_values = [m.value for m in enumeration]
                missing_names = []
                missing_value = 0
                for name, alias in enumeration._member_map_.items():
                    if name in member_names:
                        # not an alias
                        continue
                    if alias.value < 0:
                        # negative numbers are not checked
                        continue
                    values = list(_iter_bits_lsb(alias.value))
                    missed = [v for v in values if v not in member_values]
                    if missed:
                        missing_names.append(name)
                        for _v in missed:
                            missing_value |= _v
                if missing_names:
                    if len(missing_names) == 1:
                        alias = 'alias %s is missing' % missing_names[0]
                    else:
                        alias = 'aliases %s and %s are missing' % (
                                ', '.join(missing_names[:-1]), missing_names[-1]
                                )
                    if _is_single_bit(missing_value):
                        value = 'value 0x%x' % missing_value
                    else:
                        value = 'combined values of 0x%x' % missing_value
                    raise ValueError(
                            'invalid Flag %r: %s %s [use enum.show_flag_values(value) for details]'
                            % (cls_name, alias, value)
                            )
        return enumeration
