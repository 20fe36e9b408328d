"""enum (lethe): Enum, IntEnum, StrEnum, auto, unique.

CPython builds enums in its metaclass; here EnumType only gives the class repr:
members are made in Enum.__init_subclass__, and iteration, len() and `in` on an enum class go through
lethe's class hooks (__class_iter__, __class_len__, __class_contains__) and
Color['RED'] through __class_getitem__. Flag/IntFlag are not provided."""

import _lethe

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'auto', 'unique',
           'ReprEnum']


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    _counter = 0

    def __init__(self, value=None):
        self.value = value
        auto._counter += 1
        self._order = auto._counter

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


def _is_descriptor(obj):
    return (isinstance(obj, (property, classmethod, staticmethod))
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


class EnumType(type):
    """Metaclass of Enum: class repr (iteration, len() and `in` go through the
    class hooks below)."""

    def __repr__(cls):
        return "<enum %r>" % cls.__name__

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
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        base_members = [b for b in cls.__mro__[1:] if b.__dict__.get('_member_names_')]
        if base_members:
            raise TypeError('%s: cannot extend enumeration %r'
                            % (cls.__name__, base_members[0].__name__))
        mixin = None
        for b in cls.__mro__[1:]:
            if b in (int, str, float):
                mixin = b
                break
        if mixin is not None:
            # As EnumType does: the data type's repr never replaces Enum's.
            for dunder in ('__repr__', '__str__', '__format__', '__hash__'):
                if dunder not in cls.__dict__:
                    for b in cls.__mro__[1:]:
                        if dunder in b.__dict__ and b is not mixin:
                            setattr(cls, dunder, b.__dict__[dunder])
                            break
                        if b is mixin:
                            setattr(cls, dunder, Enum.__dict__[dunder])
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
        for name, value in list(cls.__dict__.items()):
            if _is_dunder(name) or _is_sunder(name) or _is_private(cls.__name__, name):
                continue
            if _is_descriptor(value) or isinstance(value, (classmethod, staticmethod)):
                continue
            if type(value).__name__ == 'function':
                continue
            if isinstance(value, auto):
                if value.value is None:
                    value.value = cls._generate_next_value_(name, 1, count, last_value)
                value = value.value
            count += 1
            last_value = value
            existing = None
            for m in cls._member_map_.values():
                if m._value_ == value:
                    existing = m
                    break
            if existing is not None:
                cls._member_map_[name] = existing
                setattr(cls, name, existing)
                continue
            if mixin is not None:
                args = value if isinstance(value, tuple) and mixin is not str else (value,)
                member = mixin.__new__(cls, *args)
                if mixin is str and isinstance(value, tuple):
                    value = value[0]
            else:
                member = object.__new__(cls)
            member._name_ = name
            member._value_ = value
            if user_init is not None:
                if isinstance(value, tuple):
                    user_init(member, *value)
                else:
                    user_init(member, value)
            member._lethe_ready_ = True
            cls._member_names_.append(name)
            cls._member_map_[name] = member
            try:
                cls._value2member_map_[value] = member
            except TypeError:
                pass
            setattr(cls, name, member)
        cls.__members__ = dict(cls._member_map_)

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

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

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
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name',
                'value']


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""

    __new__ = Enum.__new__

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)

    __hash__ = Enum.__hash__


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

    __hash__ = Enum.__hash__


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

