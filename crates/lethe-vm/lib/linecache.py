"""Source lines of files, read once and cached (CPython's `linecache`, the part the
library uses: `getline`, `getlines`, `clearcache`, `checkcache`)."""

cache = {}


def getlines(filename, module_globals=None):
    lines = cache.get(filename)
    if lines is None:
        try:
            with open(filename, encoding="utf-8") as f:
                lines = f.readlines()
        except (OSError, UnicodeDecodeError, ValueError):
            lines = []
        cache[filename] = lines
    return lines


def getline(filename, lineno, module_globals=None):
    lines = getlines(filename)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def clearcache():
    cache.clear()


def checkcache(filename=None):
    if filename is None:
        cache.clear()
    else:
        cache.pop(filename, None)
