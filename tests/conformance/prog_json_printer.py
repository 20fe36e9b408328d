# Realistic: hand-written JSON-like pretty printer and serializer.
def escape(s):
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
def dumps(v, indent=2, level=0):
    pad = " " * (indent * (level + 1))
    end = " " * (indent * level)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        if isinstance(v, float) and v != v:
            return "NaN"
        return repr(v)
    if isinstance(v, str):
        return escape(v)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        items = [pad + dumps(x, indent, level + 1) for x in v]
        return "[\n" + ",\n".join(items) + "\n" + end + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = [pad + escape(str(k)) + ": " + dumps(x, indent, level + 1) for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    raise TypeError(f"Object of type {type(v).__name__} is not serializable")
doc = {
    "name": "lethe",
    "version": [0, 1, 0],
    "stable": False,
    "license": None,
    "ratio": 0.1 + 0.2,
    "big": 2 ** 70,
    "nested": {"empty_list": [], "empty_dict": {}, "mixed": [1, "two", [3.0, {"four": 4}]]},
    "text": 'quote " backslash \\ newline \n tab \t bell \x07 é',
    1: "int key",
}
print(dumps(doc))
print(dumps([1, [2, [3, []]]], indent=1))
print(dumps({"a": {"b": {"c": {}}}}, indent=4))
print(dumps("single"), dumps(-0.0), dumps(1e100), dumps(float("nan")), dumps(()))
try:
    dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
def compact(v):
    if isinstance(v, dict):
        return "{" + ",".join(escape(str(k)) + ":" + compact(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(compact(x) for x in v) + "]"
    return dumps(v)
print(compact(doc["nested"]), len(compact(doc)))
