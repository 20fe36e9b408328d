"""inspect (lethe): the type predicates, generator state and introspection helpers
that need no code objects beyond what lethe provides (no signature(), no source)."""

import sys as _sys
import types as _types

GEN_CREATED = "GEN_CREATED"
GEN_RUNNING = "GEN_RUNNING"
GEN_SUSPENDED = "GEN_SUSPENDED"
GEN_CLOSED = "GEN_CLOSED"

CO_OPTIMIZED = 1
CO_NEWLOCALS = 2
CO_VARARGS = 4
CO_VARKEYWORDS = 8
CO_NESTED = 16
CO_GENERATOR = 32
CO_NOFREE = 64
CO_COROUTINE = 128
CO_ITERABLE_COROUTINE = 256
CO_ASYNC_GENERATOR = 512


def ismodule(object):
    return isinstance(object, _types.ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, _types.MethodType)


def isfunction(object):
    return isinstance(object, _types.FunctionType)


def isgeneratorfunction(object):
    return isfunction(object) and bool(object.__code__.co_flags & CO_GENERATOR)


def iscoroutinefunction(object):
    return False


def isasyncgenfunction(object):
    return False


def isgenerator(object):
    return isinstance(object, _types.GeneratorType)


def iscoroutine(object):
    return False


def isasyncgen(object):
    return False


def isawaitable(object):
    return False


def istraceback(object):
    return isinstance(object, _types.TracebackType)


def isframe(object):
    return type(object).__name__ == "frame" and type(object).__module__ == "builtins"


def iscode(object):
    return type(object).__name__ == "code" and type(object).__module__ == "builtins"


def isbuiltin(object):
    return isinstance(object, _types.BuiltinFunctionType)


def isroutine(object):
    return (isbuiltin(object) or isfunction(object) or ismethod(object)
            or ismethoddescriptor(object))


def ismethoddescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__get__") and not hasattr(tp, "__set__")


def isdatadescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__set__") or hasattr(tp, "__delete__")


def isabstract(object):
    return bool(isinstance(object, type) and getattr(object, "__abstractmethods__", False))


def getmro(cls):
    return cls.__mro__


def getmembers(object, predicate=None):
    results = []
    names = dir(object)
    for key in names:
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def getgeneratorstate(generator):
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getgeneratorlocals(generator):
    if not isgenerator(generator):
        raise TypeError("{!r} is not a Python generator".format(generator))
    frame = getattr(generator, "gi_frame", None)
    if frame is not None:
        return generator.gi_frame.f_locals
    return {}


def cleandoc(doc):
    try:
        lines = doc.expandtabs().split("\n")
    except UnicodeError:
        return None
    margin = _sys.maxsize
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin < _sys.maxsize:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def getdoc(object):
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        if isclass(object):
            for base in object.__mro__[1:]:
                doc = getattr(base, "__doc__", None)
                if doc is not None and base is not object:
                    break
            else:
                doc = None
        if doc is None:
            return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def getmodule(object):
    if ismodule(object):
        return object
    name = getattr(object, "__module__", None)
    if name is not None:
        return _sys.modules.get(name)
    return None


def currentframe():
    return _sys._getframe(1)


class FrameInfo(tuple):
    """(frame, filename, lineno, function, code_context, index)."""

    __slots__ = ()
    _fields = ("frame", "filename", "lineno", "function", "code_context", "index")

    def __new__(cls, frame, filename, lineno, function, code_context, index):
        return tuple.__new__(cls, (frame, filename, lineno, function, code_context, index))

    frame = property(lambda self: self[0])
    filename = property(lambda self: self[1])
    lineno = property(lambda self: self[2])
    function = property(lambda self: self[3])
    code_context = property(lambda self: self[4])
    index = property(lambda self: self[5])

    def __repr__(self):
        return ("FrameInfo(frame=%r, filename=%r, lineno=%r, function=%r, "
                "code_context=%r, index=%r)" % tuple(self))


def _context(filename, lineno, context):
    if context <= 0:
        return None, None
    import traceback
    start = max(lineno - 1 - context // 2, 0)
    lines = []
    for n in range(start + 1, start + context + 1):
        line = traceback._getline(filename, n)
        if not line:
            break
        lines.append(line)
    if not lines:
        return None, None
    return lines, lineno - 1 - start


def getframeinfo(frame, context=1):
    lines, index = _context(frame.f_code.co_filename, frame.f_lineno, context)
    return (frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name, lines, index)


def getouterframes(frame, context=1):
    out = []
    while frame is not None:
        lines, index = _context(frame.f_code.co_filename, frame.f_lineno, context)
        out.append(FrameInfo(frame, frame.f_code.co_filename, frame.f_lineno,
                             frame.f_code.co_name, lines, index))
        frame = frame.f_back
    return out


def stack(context=1):
    return getouterframes(_sys._getframe(1), context)


def signature(obj):
    import _lethe
    _lethe.unsupported("inspect.signature")


def getsource(obj):
    import _lethe
    _lethe.unsupported("inspect.getsource")
