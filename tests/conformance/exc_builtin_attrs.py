# ImportError/NameError/AttributeError keyword arguments and attributes,
# SyntaxError's fields and str(), keyword arguments other exceptions refuse.
import traceback

e = ImportError("a", name="b", path="p")
print(e.name, e.path, e.msg, e.args, str(e), repr(e))
e = ImportError("x")
print(e.name, e.path, e.msg, str(e))
e = ImportError("x", "y")
print(e.msg, str(e))
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e, "|", e.name, e.path, e.msg)
try:
    from os import no_such_name_here
except ImportError as e:
    print(e.name, e.msg.startswith("cannot import name"))
e = NameError("x", name="y")
print(e.name, e.args)
e = AttributeError("x", name="n", obj=1)
print(e.name, e.obj)
print(NameError("q").name, AttributeError("q").obj)
try:
    undefined_thing
except NameError as e:
    print(e.name)
for src in [
    "ValueError(x=1)",
    "ImportError('a', foo=1)",
    "KeyError(1, name=2)",
    "NameError(obj=1)",
    "AttributeError(path=1)",
    "SyntaxError('m', (1, 2))",
    "SyntaxError('m', (1, 2, 3, 4, 5, 6, 7))",
]:
    try:
        exec(src)
        print(src, "ok")
    except TypeError as ex:
        print(src, "->", ex)


class Custom(ValueError):
    pass


try:
    Custom(x=1)
except TypeError as ex:
    print(ex)


class MyImportError(ImportError):
    def __init__(self, m):
        super().__init__(m, name="mod")


e = MyImportError("x")
print(e.name, e.msg, e.args, str(e))

e = SyntaxError("bad thing", ("/x/y/f.py", 3, 5, "    foo bar\n", 3, 8))
print(str(e), e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
print(str(SyntaxError()), str(SyntaxError("m")), repr(SyntaxError("m", ("f", None, None, None))))
print(str(SyntaxError("m", ("f", None, None, None))), str(SyntaxError("m", (None, 2, None, None))))
print(SyntaxError("m").lineno, SyntaxError("m").print_file_and_line)
print("".join(traceback.format_exception_only(SyntaxError, e)), end="")
try:
    exec("a = 1\nb = (")
except SyntaxError as ex:
    print(type(ex).__name__, ex.filename, ex.lineno, repr(ex.text), len(ex.args), str(ex).endswith("(<string>, line 2)"))
raise SyntaxError("bad thing", ("/x/y/f.py", 3, 5, "    foo bar\n", 3, 8))
