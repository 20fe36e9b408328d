"""types (lethe): names for built-in types, SimpleNamespace, MappingProxyType,
new_class and DynamicClassAttribute-free helpers."""

import sys as _sys
import _mappingproxy


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)


def _g():
    yield 1


GeneratorType = type(_g())
FrameType = type(_g().gi_frame)
CodeType = type(_f.__code__)


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
GenericAlias = type(list[int])
UnionType = type(int | str)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)


class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ("{}={!r}".format(k, v) for k, v in self.__dict__.items())
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        return "{}({})".format(name, ", ".join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


MappingProxyType = _mappingproxy.mappingproxy


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    kwds = dict(kwds) if kwds else {}
    meta = kwds.pop('metaclass', type(bases[0]) if bases else type)
    ns = meta.__prepare__(name, bases, **kwds) if hasattr(meta, '__prepare__') else {}
    if exec_body is not None:
        exec_body(ns)
    return meta(name, bases, ns, **kwds)


def coroutine(func):
    return func


__all__ = ['FunctionType', 'LambdaType', 'GeneratorType', 'MethodType',
           'BuiltinFunctionType', 'BuiltinMethodType', 'ModuleType', 'NoneType',
           'EllipsisType', 'NotImplementedType', 'TracebackType', 'SimpleNamespace',
           'MappingProxyType', 'new_class', 'GenericAlias', 'UnionType']
