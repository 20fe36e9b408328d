import traceback, sys, keyword
def risky(n):
    return 10 / n
def main():
    try:
        risky(0)
    except ZeroDivisionError:
        text = traceback.format_exc()
        print(text.splitlines()[0], "|", text.splitlines()[-1], "|", "risky" in text)
        traceback.print_exc()
        print("continuing")
    try:
        {}["missing"]
    except KeyError as e:
        print(traceback.format_exception_only(type(e), e), traceback.format_exception_only(e))
        lines = traceback.format_exception(e)
        print(lines[0], lines[-1], end="")
        traceback.print_exception(e)
    print(repr(traceback.format_exc()))
    class MyErr(Exception): pass
    try:
        raise MyErr("custom") from ValueError("root")
    except MyErr:
        t = traceback.format_exc()
        print("direct cause" in t, t.strip().splitlines()[-1])
main()
print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), len(keyword.kwlist), keyword.kwlist[:3])
