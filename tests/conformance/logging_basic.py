# logging: last resort, basicConfig, levels, hierarchy, handlers, filters, formats,
# exception text, adapters, disable.
import logging
import sys
import io as _io
import os as _os

_real = sys.stdout


class _Strip(_io.StringIO):
    """Drops the directory of this file (the expected output is path-independent)."""

    def write(self, s):
        return _real.write(s.replace(_os.path.dirname(_os.path.abspath(__file__)) + "/", ""))


sys.stdout = _Strip()
sys.stderr = sys.stdout
log = logging.getLogger("app")
log.warning("no handlers: %s", "last resort")
log.info("not shown")
logging.warning("root %d", 1)
logging.info("hidden")
print(logging.root.handlers, log.getEffectiveLevel(), log.parent is logging.root)
logging.basicConfig(level=logging.DEBUG, force=True, stream=sys.stdout,
                    format="%(levelname)s|%(name)s|%(funcName)s|%(lineno)d|%(module)s|%(message)s")


def work(x):
    log.debug("working on %r", x)
    try:
        return 1 / x
    except ZeroDivisionError:
        log.exception("failed for %s", x)


work(2)
work(0)
child = logging.getLogger("app.db")
child.setLevel("ERROR")
child.warning("suppressed")
child.error("db error %s", {"k": 1})
child.critical("dict args %(a)s", {"a": 5})
print(child.parent.name, child.getEffectiveLevel(), logging.getLevelName(child.level), logging.getLevelName(25))
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("{levelname:>8} {name}: {message}", style="{"))
h.setLevel(logging.WARNING)
log.addHandler(h)
log.warning("twice?")
log.propagate = False
log.warning("once")
log.info("handler level filters")


class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1


h.addFilter(OnlyOdd())
for i in range(4):
    log.error("n=%d", i)
h.addFilter(lambda r: r.args[0] > 1)
log.error("n=%d", 1)
log.error("n=%d", 3)
adapter = logging.LoggerAdapter(log, {"user": "bob"})
adapter.error("via adapter %d", 5)
logging.disable(logging.CRITICAL)
log.critical("disabled %d", 9)
logging.disable(logging.NOTSET)
fmt = logging.Formatter("%(message)s [%(levelno)s]")
rec = logging.makeLogRecord({"msg": "made %s", "args": ("here",), "levelno": 20})
print(fmt.format(rec), repr(log), repr(logging.root), log.isEnabledFor(10), logging.getLogger() is logging.root)
try:
    log.setLevel("LOUD")
except ValueError as e:
    print(e)
logging.getLogger("x.y.z").warning("deep %s", "child")
print(logging.getLogger("x.y.z").parent.name)
logging.getLogger("x")
print(logging.getLogger("x.y.z").parent.name)
